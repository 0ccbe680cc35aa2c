/**
 * The calendar feature's records: which feed link a council or a contract uses now. Each is the
 * platform's link pointer (its shape and its rotation are the platform's, `currentLinkRecord`),
 * under a key calendar builds (`keys.feed`): these declare those keys for the ownership test.
 */
const owner = 'calendar';

export const councilFeedPointer = { owner, kind: 'calendar-feed', prefix: { pk: 'ORG#', sk: 'CALENDAR-FEED' } };
export const contractFeedPointer = { owner, kind: 'calendar-feed', prefix: { pk: 'CONTRACT#', sk: 'CALENDAR-FEED' } };

/** Every record kind calendar owns (the ownership test reads their prefixes). */
export const records = [councilFeedPointer, contractFeedPointer];
