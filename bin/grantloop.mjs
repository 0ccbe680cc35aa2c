#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so there is no build step between
// editing and running, locally or in CI.
import { register } from 'tsx/esm/api';

// The local tools run on the machine's Node 20; the Lambdas run on nodejs22.x, which the SDK's
// upcoming-support warning is about, so it is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../infra/local/cli.ts');
// Exit when the command is done: every engine has been stopped by then, but aws-local-stepfunctions
// keeps a timer for a workflow still waiting on a task token (a report awaiting its provider)
// even after its execution is aborted, and that timer alone would hold the process open.
process.exit(await main(process.argv.slice(2)));
