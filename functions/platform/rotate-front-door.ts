import { CloudFrontClient, GetDistributionConfigCommand, UpdateDistributionCommand } from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { type OriginHeaders, type RotationStep, rotationStep, type SecretVersions } from '../../shared/platform/front-door-rotation';

/**
 * The rotation function of the front door's secret (shared/platform/front-door.ts): Secrets
 * Manager calls it with each step; CloudFront's origin header follows the secret. Not a catalog
 * function: it is part of the front door itself (infra/constructs/front-door.ts), like CloudFront.
 */
interface RotationEvent {
  SecretId: string;
  ClientRequestToken: string;
  Step: RotationStep;
}

function secretVersions(sm: SecretsManagerClient, secretId: string): SecretVersions {
  return {
    async read(stage, versionId) {
      try {
        return (await sm.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage, VersionId: versionId }))).SecretString;
      } catch (e) {
        if (e instanceof ResourceNotFoundException) return undefined;
        throw e;
      }
    },
    async putPending(versionId, text) {
      await sm.send(
        new PutSecretValueCommand({ SecretId: secretId, ClientRequestToken: versionId, SecretString: text, VersionStages: ['AWSPENDING'] }),
      );
    },
    async currentVersionId() {
      const described = await sm.send(new DescribeSecretCommand({ SecretId: secretId }));
      return Object.entries(described.VersionIdsToStages ?? {}).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
    },
    async makeCurrent(versionId, previousVersionId) {
      await sm.send(
        new UpdateSecretVersionStageCommand({
          SecretId: secretId,
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: versionId,
          RemoveFromVersionId: previousVersionId,
        }),
      );
    },
  };
}

function distributionHeaders(cf: CloudFrontClient, distributionId: string): OriginHeaders {
  return {
    async setHeader(name, value) {
      const { DistributionConfig: config, ETag } = await cf.send(new GetDistributionConfigCommand({ Id: distributionId }));
      let set = 0;
      for (const origin of config?.Origins?.Items ?? [])
        for (const header of origin.CustomHeaders?.Items ?? [])
          if (header.HeaderName?.toLowerCase() === name) {
            header.HeaderValue = value;
            set++;
          }
      if (set > 0) await cf.send(new UpdateDistributionCommand({ Id: distributionId, IfMatch: ETag, DistributionConfig: config }));
      return set;
    },
  };
}

export const handler = async (event: RotationEvent): Promise<void> => {
  const distributionId = process.env.DISTRIBUTION_ID;
  if (!distributionId) throw new Error('DISTRIBUTION_ID is not set');
  await rotationStep(
    event.Step,
    event.ClientRequestToken,
    secretVersions(new SecretsManagerClient({}), event.SecretId),
    distributionHeaders(new CloudFrontClient({}), distributionId),
  );
};
