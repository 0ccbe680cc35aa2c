/**
 * Configuration comes from the environment in both targets: CDK sets it on each Lambda, the
 * local runtime sets it on its own process before loading the handlers.
 */
export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export const config = {
  tableName: () => env('TABLE_NAME'),
  eventBusName: () => env('EVENT_BUS_NAME'),
  senderEmail: () => env('SENDER_EMAIL'),
  sesConfigurationSet: () => process.env.SES_CONFIGURATION_SET,
  appUrl: () => env('APP_URL'),
  consortiumWorkflowArn: () => env('CONSORTIUM_WORKFLOW_ARN'),
  roundWorkflowArn: () => env('ROUND_WORKFLOW_ARN'),
  grantWorkflowArn: () => env('GRANT_WORKFLOW_ARN'),
  reportWorkflowArn: () => env('REPORT_WORKFLOW_ARN'),
  reportOpenFunctionArn: () => env('REPORT_OPEN_FUNCTION_ARN'),
  reportReminderFunctionArn: () => env('REPORT_REMINDER_FUNCTION_ARN'),
  scheduleGroup: () => env('SCHEDULE_GROUP'),
  schedulerRoleArn: () => env('SCHEDULER_ROLE_ARN'),
  reminderFunctionArn: () => env('REMINDER_FUNCTION_ARN'),
};
