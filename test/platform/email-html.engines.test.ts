import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPortBlock } from '../../infra/local/port-claims';
import { startSesLocal } from '../../infra/local/ses-local';
import { allExampleEmails } from '../support/email-examples';
import { htmlErrors } from '../support/vnu';

/**
 * The HTML part of every email passes the W3C Nu HTML Checker (npm `vnu-jar`, on Java), all in
 * one run of the checker so the JVM starts once; and an email sent by the real SES adapter
 * reaches the SES emulator with both parts.
 */

const examples = allExampleEmails();

describe('email HTML', () => {
  it('passes the Nu HTML Checker with no errors, for every email builder', async () => {
    expect(await htmlErrors(examples.map(({ name, email }) => ({ name, html: email.html })))).toEqual([]);
  });
});

describe('an email sent through SES', () => {
  let ses: Awaited<ReturnType<typeof startSesLocal>>;
  let release: () => void;
  beforeAll(async () => {
    const block = await claimPortBlock(1);
    release = block.release;
    ses = await startSesLocal(block.first);
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SESV2: ses.url,
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SENDER_EMAIL: 'grantloop@grantloop.test',
      SES_CONFIGURATION_SET: 'grantloop-local',
    });
  });
  afterAll(async () => {
    await ses?.stop();
    release?.();
  });

  it('arrives with its plain text and its HTML, as built', async () => {
    const { mailer } = await import('../../shared/platform/aws/mail');
    const sent = examples.find((e) => e.name.includes('tenderInvitationEmail'))?.email;
    if (!sent) throw new Error('no tender invitation among the examples');
    await mailer.send(sent);
    const arrived = (await ses.emails()).find((e) => e.subject === sent.subject);
    expect(arrived?.destination.to).toEqual(sent.to);
    expect(arrived?.body.text).toBe(sent.text);
    expect(arrived?.body.html).toBe(sent.html);
  });
});
