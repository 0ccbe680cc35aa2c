/**
 * Lambda bundles take AWS credentials from the environment only. A Lambda function always has
 * its execution role's credentials there (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN); the SDK's default chain would also bundle the SSO, INI-file, IMDS and
 * web-identity providers and their clients (about 90 KB minified in every function) that a
 * function never uses. Every SDK client imports `defaultProvider` from
 * @aws-sdk/credential-provider-node; the bundler aliases that package to this module. The local
 * runtime runs handlers from source with the full chain and sets the same variables, so both
 * targets resolve the same credentials.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = () => fromEnv();
