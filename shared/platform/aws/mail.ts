import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../config';
import { lazy } from '../lazy';
import type { Mailer } from '../ports';

const ses = lazy(() => new SESv2Client({}));

/** SES v2 SendEmail, as the sender and through the configuration set the `mail` need provides. */
export const mailer: Mailer = {
  async send(email) {
    const out = await ses().send(
      new SendEmailCommand({
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
      }),
    );
    return { messageId: out.MessageId ?? '' };
  },
};
