import { Logger } from '@aws-lambda-powertools/logger';

// Powertools reads POWERTOOLS_LOG_LEVEL / LOG_LEVEL from the environment itself.
export const logger = new Logger({ serviceName: 'grantloop' });
