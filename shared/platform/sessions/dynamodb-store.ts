import { documentClient as db, op } from '../aws/dynamodb';
import { isAwsError } from '../aws/lite';
import { journeyDraftRecord, loginAttemptRecord, sessionRecord } from '../codecs';
import { config } from '../config';
import { platformKeys as keys } from '../keys';
import { LOGIN_ATTEMPT_MS, sessionEnd } from './session';
import type { SessionStore } from './store';

const table = () => config.tableName();
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

export const dynamoSessions: SessionStore = {
  async putSession(session) {
    await db.send(
      op.put({
        TableName: table(),
        Item: { ...sessionRecord.toItem(session), expiresAt: epoch(sessionEnd(session)) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async getSession(hash) {
    const out = await db.send(op.get({ TableName: table(), Key: keys.session(hash), ConsistentRead: true }));
    return sessionRecord.fromOptional(out.Item);
  },

  async touchSession(hash, lastSeenAt, expiresAt) {
    try {
      await db.send(
        op.update({
          TableName: table(),
          Key: keys.session(hash),
          UpdateExpression: 'SET lastSeenAt = :at, expiresAt = :ttl',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': lastSeenAt, ':ttl': epoch(expiresAt) },
        }),
      );
    } catch (error) {
      if (!isAwsError(error, 'ConditionalCheckFailedException')) throw error;
    }
  },

  async deleteSession(hash) {
    await db.send(op.delete({ TableName: table(), Key: keys.session(hash) }));
  },

  async putDraft(hash, journey, answers, expiresAt) {
    await db.send(
      op.put({
        TableName: table(),
        Item: { ...journeyDraftRecord.toItem({ answers }, hash, journey), expiresAt: epoch(expiresAt) },
      }),
    );
  },

  async getDraft(hash, journey) {
    const out = await db.send(op.get({ TableName: table(), Key: keys.sessionDraft(hash, journey), ConsistentRead: true }));
    return journeyDraftRecord.fromOptional(out.Item)?.answers;
  },

  async deleteDraft(hash, journey) {
    await db.send(op.delete({ TableName: table(), Key: keys.sessionDraft(hash, journey) }));
  },

  async putLoginAttempt(attempt) {
    const ttl = epoch(new Date(new Date(attempt.createdAt).getTime() + LOGIN_ATTEMPT_MS));
    await db.send(op.put({ TableName: table(), Item: { ...loginAttemptRecord.toItem(attempt), expiresAt: ttl } }));
  },

  async takeLoginAttempt(hash) {
    const out = await db.send(op.delete({ TableName: table(), Key: keys.loginAttempt(hash), ReturnValues: 'ALL_OLD' }));
    return loginAttemptRecord.fromOptional(out.Attributes);
  },
};
