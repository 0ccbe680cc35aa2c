import { config } from '../config';
import type { Mailer } from '../ports';
import { restJson } from './json-calls';

const sesApi = restJson('ses', 'SESV2');

/** SES v2 SendEmail (`POST /v2/email/outbound-emails`), as the sender and through the configuration set the `mail` need provides. */
export const mailer: Mailer = {
  async send(email) {
    const out = await sesApi<{ MessageId?: string }>('/v2/email/outbound-emails', {
      FromEmailAddress: config.senderEmail(),
      Destination: { ToAddresses: email.to },
      ConfigurationSetName: config.sesConfigurationSet(),
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: email.text, Charset: 'UTF-8' },
            Html: { Data: email.html, Charset: 'UTF-8' },
          },
        },
      },
    });
    return { messageId: out.MessageId ?? '' };
  },
};
