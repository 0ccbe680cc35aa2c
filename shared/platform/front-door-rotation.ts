import { randomBytes } from 'node:crypto';
import { type FrontDoorSecret, frontDoor, parseFrontDoorSecret } from './front-door';

/**
 * Secrets Manager's four rotation steps for the front door's secret (front-door.ts), over two
 * ports so the steps are tested without AWS. Each step may be retried by Secrets Manager, so each
 * is idempotent: a pending version already made is kept, a header already set is set again to
 * the same value, a version already current is left.
 */
export interface SecretVersions {
  /** The secret's text at a stage (and version), or undefined when there is none. */
  read(stage: 'AWSCURRENT' | 'AWSPENDING', versionId?: string): Promise<string | undefined>;
  putPending(versionId: string, text: string): Promise<void>;
  currentVersionId(): Promise<string | undefined>;
  makeCurrent(versionId: string, previousVersionId: string | undefined): Promise<void>;
}

export interface OriginHeaders {
  /** Sets the secret header on the distribution's origins that carry it; returns how many. */
  setHeader(name: string, value: string): Promise<number>;
}

export type RotationStep = 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';

export async function rotationStep(step: RotationStep, versionId: string, secret: SecretVersions, origin: OriginHeaders): Promise<void> {
  if (step === 'createSecret') {
    if (await secret.read('AWSPENDING', versionId)) return;
    const current = parseFrontDoorSecret((await secret.read('AWSCURRENT')) ?? '');
    const next: FrontDoorSecret = { current: randomBytes(32).toString('base64url'), previous: current.current };
    await secret.putPending(versionId, JSON.stringify(next));
    return;
  }
  if (step === 'setSecret') {
    const pending = parseFrontDoorSecret((await secret.read('AWSPENDING', versionId)) ?? '');
    // Functions accept the new value as soon as they read it, and the old one (now `previous`)
    // until the next rotation, so CloudFront's edges may change over at their own pace.
    if ((await origin.setHeader(frontDoor.header, pending.current)) === 0)
      throw new Error(`no CloudFront origin carries ${frontDoor.header}: nothing would send the new value`);
    return;
  }
  if (step === 'finishSecret') {
    const current = await secret.currentVersionId();
    if (current !== versionId) await secret.makeCurrent(versionId, current);
  }
  // testSecret: both values are accepted through the change; nothing to try here.
}
