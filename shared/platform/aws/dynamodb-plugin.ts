/**
 * The seven DynamoDB actions grantloop calls, as an aws-lite plugin (aws-lite's way to describe
 * a service). aws-lite's own DynamoDB plugin describes all 50-odd actions with their
 * documentation, 28 KB in every bundle that V8 parses on every cold start, and marshals a
 * transaction's items in place; this one is the same wire protocol for what is used.
 *
 * Values cross as plain JavaScript (strings, numbers, booleans, lists, maps), as the SDK's
 * document client took them: every attribute map in a request is marshalled to DynamoDB's typed
 * JSON with aws-lite's marshaller (the SDK's util-dynamodb, vendored), and every one in an
 * answer is unmarshalled, pagination keys included. Nothing the caller passed is changed.
 */
type Item = Record<string, unknown>;
type Convert = (value: unknown) => Item;
interface PluginUtils {
  awsjsonMarshall: (value: unknown, options: { config: unknown }) => Item;
  awsjsonUnmarshall: (value: unknown, options: { config: unknown }) => Item;
  config: unknown;
}

export const dynamodbActions = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem', 'TransactWriteItems'] as const;

/** The attribute maps of a request or of one of a transaction's operations. */
const attributeMaps = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'];

const mapValues = <W>(o: Item, f: (v: unknown) => W): Record<string, W> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
const isMap = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `{ Keys: [...] }` of a batch, each key converted. */
const keysOf = (r: unknown, convert: Convert) => (isMap(r) && Array.isArray(r.Keys) ? { ...r, Keys: r.Keys.map(convert) } : r);

/** A request with every attribute map marshalled; a copy, so the caller's objects are never changed. */
export function marshalRequest(input: Item, marshal: Convert): Item {
  const out: Item = { ...input };
  for (const field of attributeMaps) if (input[field] !== undefined) out[field] = marshal(input[field]);
  if (Array.isArray(input.TransactItems)) {
    // Each operation of a transaction ({ Put: {...} }, { Update: {...} }…) is a request of its own.
    out.TransactItems = input.TransactItems.map((op: unknown) =>
      isMap(op) ? mapValues(op, (body) => (isMap(body) ? marshalRequest(body, marshal) : body)) : op,
    );
  }
  if (isMap(input.RequestItems)) out.RequestItems = mapValues(input.RequestItems, (r) => keysOf(r, marshal));
  return out;
}

/** An answer with every attribute map unmarshalled. */
export function unmarshalAnswer(payload: Item, unmarshal: Convert): Item {
  const out: Item = { ...payload };
  for (const field of ['Item', 'Attributes', 'LastEvaluatedKey']) if (payload[field]) out[field] = unmarshal(payload[field]);
  if (Array.isArray(payload.Items)) out.Items = payload.Items.map(unmarshal);
  if (isMap(payload.Responses)) {
    out.Responses = mapValues(payload.Responses, (items) => (Array.isArray(items) ? items.map(unmarshal) : items));
  }
  if (isMap(payload.UnprocessedKeys)) out.UnprocessedKeys = mapValues(payload.UnprocessedKeys, (r) => keysOf(r, unmarshal));
  return out;
}

const method = (action: string) => ({
  request: async (input: Item, u: PluginUtils) => ({
    headers: { 'X-Amz-Target': `DynamoDB_20120810.${action}`, 'content-type': 'application/x-amz-json-1.0' },
    // Marshalled here; aws-lite must not encode the body again.
    awsjson: false,
    payload: marshalRequest(input, (v) => u.awsjsonMarshall(v, { config: u.config })),
  }),
  response: async ({ payload }: { payload: Item | null }, u: PluginUtils) =>
    unmarshalAnswer(payload ?? {}, (v) => u.awsjsonUnmarshall(v, { config: u.config })),
  // An error is named by its code (`ConditionalCheckFailedException`), not by DynamoDB's
  // namespaced `__type` (`com.amazonaws.dynamodb.v20120810#…`), as the SDK named it.
  error: async (answer: { error?: Item }) => {
    const type = answer.error?.__type;
    if (answer.error && typeof type === 'string') answer.error.name = answer.error.code = type.slice(type.indexOf('#') + 1);
    return answer;
  },
});

export const dynamodbPlugin = {
  name: 'grantloop-dynamodb',
  service: 'dynamodb',
  property: 'DynamoDB',
  methods: Object.fromEntries(dynamodbActions.map((a) => [a, method(a)])),
};
