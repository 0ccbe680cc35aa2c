import { documentClient as db, listRecords, op, partition, queryAll } from '../platform/aws/dynamodb';
import { createWithEvent, eventItem, put, putNew, setAt, statusCheck, transact } from '../platform/aws/transact';
import { config } from '../platform/config';
import { conflict } from '../platform/errors';
import { proposalRecord, roundOf, roundRecord, voteRecord } from './codecs';
import { keys } from './keys';
import type { RoundStore } from './store';

const table = () => config.tableName();

export const dynamoRounds: RoundStore = {
  createRound: (round, event) => createWithEvent(roundRecord.toItem(round), event, () => conflict(`round ${round.id} already exists`)),

  async getRound(roundId) {
    return roundOf(await queryAll(partition(table(), keys.round(roundId).pk)), roundId);
  },

  listPoolRounds: (poolId) => listRecords(roundRecord, keys.pool(poolId).pk, keys.prefix.round, 'gsi1'),

  async addProposal(roundId, proposal, event) {
    await transact([statusCheck(keys.round(roundId), ['open']), put(proposalRecord.toItem(proposal, roundId)), eventItem(event)], () =>
      conflict(`round ${roundId} is closed: proposals can only be added while it is open`, { rule: 'round-open' }),
    );
  },

  async putVote(roundId, vote, event) {
    await transact(
      [statusCheck(keys.round(roundId), ['voting', 'escalated']), putNew(voteRecord.toItem(vote, roundId)), eventItem(event)],
      (i) =>
        i === 0
          ? conflict(`round ${roundId} is not taking votes`, { rule: 'round-voting' })
          : conflict(`your organisation has already voted in round ${roundId}`, { rule: 'one-vote-per-organisation' }),
    );
  },

  async saveRound(round, expectedVersion, event) {
    const { id, ...fields } = round;
    await transact([setAt(keys.round(id), fields, expectedVersion), eventItem(event)], () =>
      conflict(`round ${id} was changed by someone else; reload and try again`),
    );
  },

  async markProposal(roundId, proposalId, fields) {
    await db.send(
      op.update({
        TableName: table(),
        Key: keys.proposal(roundId, proposalId),
        UpdateExpression: `SET #status = :status${fields.grantId ? ', grantId = :grantId' : ''}${fields.reason ? ', reason = :reason' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': fields.status,
          ...(fields.grantId ? { ':grantId': fields.grantId } : {}),
          ...(fields.reason ? { ':reason': fields.reason } : {}),
        },
      }),
    );
  },
};
