import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { DomainError } from '../../shared/platform/errors';
import type { LinkPage } from '../../shared/platform/links/registry';
import { throughFrontDoor } from './front-door';
import { donePage, layout, problemPage } from './html';
import { bodyText } from './http';
import { logger } from './logger';

/**
 * The pages behind emailed links are sent with headers that keep the token out of referrers,
 * caches and search engines, and allow no script.
 */
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** Each form a registry's kinds show, rendered to a full page. */
type FormRenderers<Form extends { form: string }> = { [K in Form['form']]: (model: Extract<Form, { form: K }>) => string };

function renderLinkPage<Form extends { form: string }>(page: LinkPage<Form>, forms: FormRenderers<Form>): { status: number; html: string } {
  if (page.kind === 'problem') return { status: page.status, html: problemPage(page) };
  if (page.kind === 'done') return { status: 200, html: donePage(page) };
  const render = forms[page.model.form as Form['form']] as (model: Form) => string;
  return { status: page.status, html: render(page.model) };
}

/** A form body, urlencoded as browsers send it (API Gateway may hand it over base64-encoded). */
function formFields(event: APIGatewayProxyEventV2): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(bodyText(event)));
}

const unreadable = layout(
  'This form could not be read',
  '<h1>This form could not be read</h1><p>What was sent is not text we can read (it is not UTF-8). Nothing was saved. Please open the link from your email again and send the form from there.</p>',
);

const failed = layout('Something went wrong', '<h1>Something went wrong</h1><p>Nothing was sent. Please try again in a few minutes.</p>');

/** A link route: `show` resolves the token (and for a POST records the form); the page is rendered here. */
export function linkRoute<Form extends { form: string }>(
  show: (token: string, form: Record<string, string>) => Promise<LinkPage<Form>>,
  forms: FormRenderers<NoInfer<Form>>,
) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .use(throughFrontDoor())
    .handler(async (event) => {
      try {
        const form = event.requestContext.http.method === 'POST' ? formFields(event) : {};
        const { status, html } = renderLinkPage(await show(event.pathParameters?.token ?? '', form), forms);
        return { statusCode: status, headers, body: html };
      } catch (error) {
        if (error instanceof DomainError && error.issues.some((i) => i.rule === 'utf-8'))
          return { statusCode: 400, headers, body: unreadable };
        logger.error('link page failed', { error: error as Error });
        return { statusCode: 500, headers, body: failed };
      }
    });
}
