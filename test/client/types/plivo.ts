/**
 * Type tests of the generated Plivo client. Every `@ts-expect-error` line is a
 * call that must not compile; TypeScript reports an unused one as an error,
 * so each is proven to fail. Checked by `generated.test.ts` against a fresh
 * generation, and by the root type-check against `generated/plivo`.
 */
import {
  AbortError,
  ApiError,
  CallsApi,
  ConflictError,
  NotFoundError,
  PlivoClient,
  SwitchboardError,
  TimeoutError,
  UnprocessableEntityError,
  type AsyncAcknowledgement,
  type Call,
  type CallFired,
  type CallList,
  type CallResponse,
  type GetCallResponses,
  type ListMeta,
  type Logger,
  type LogLevel,
} from '../../../generated/plivo/src/index.js';

const client = new PlivoClient({ authId: 'MA1', authToken: 't', rateLimit: true });
const body = { from: '+14151234567', to: '14157654321', answer_url: 'https://example.com/answer/' };

export async function plivoTypes(): Promise<void> {
  const fired: CallFired = await client.calls.makeCall({ body });
  // @ts-expect-error answer_url is required in the body
  await client.calls.makeCall({ body: { from: '1', to: '2' } });
  // @ts-expect-error the body is required
  await client.calls.makeCall({});
  // @ts-expect-error params are required: call_uuid is
  await client.calls.getCall();
  // @ts-expect-error call_uuid is a string
  await client.calls.getCall({ call_uuid: 42 });
  // @ts-expect-error no such param
  await client.calls.getCall({ call_uuid: 'u', callUuid: 'u' });
  // The account param is optional and can be overridden per call.
  await client.calls.getCall({ call_uuid: 'u', auth_id: 'SA1' });
  // @ts-expect-error the account param is still a string
  await client.calls.getCall({ call_uuid: 'u', auth_id: 1 });

  const page: CallList = await client.calls.listCalls();
  await client.calls.listCalls({ call_direction: 'inbound', bill_duration__gt: 10, end_time__lte: '2024-01-01 00:00' });
  // @ts-expect-error enums are unions of their values
  await client.calls.listCalls({ call_direction: 'sideways' });
  // @ts-expect-error __gt filters keep their types
  await client.calls.listCalls({ bill_duration__gt: '10' });

  // With callback_url the call is typed to return the acknowledgement.
  const ack: AsyncAcknowledgement = await client.calls.makeCall({ body: { ...body, callback_url: 'https://example.com/cb' } });
  // @ts-expect-error …and not the call's own answer
  const wrong: CallFired = await client.calls.makeCall({ body: { ...body, callback_url: 'https://example.com/cb' } });
  const queryAck: AsyncAcknowledgement = await client.calls.getCall({ call_uuid: 'u', callback_url: 'https://example.com/cb' });

  for await (const call of client.calls.listAllCalls({ call_direction: 'outbound' })) {
    const typed: Call = call;
    // @ts-expect-error items are typed
    void call.no_such_field;
  }
  for await (const p of client.calls.listAllCalls().pages()) {
    const meta: ListMeta = p.meta;
  }

  const result = await client.calls.getCall({ call_uuid: 'u' }).withResponse();
  const status: 200 = result.status;
  const requestId: string | undefined = result.requestId;
  const response: Response = result.response;
  // @ts-expect-error the request id may be missing
  const sure: string = result.requestId;
  const raw: Response = await client.calls.getCall({ call_uuid: 'u' }).asResponse();
  // @ts-expect-error asResponse gives the Response, not the body
  const notBody: CallResponse = await client.calls.getCall({ call_uuid: 'u' }).asResponse();
  const notFound: GetCallResponses[404] = { api_id: 'a', error: 'not found' };
  // @ts-expect-error 204 is not a status of getCall
  type Missing = GetCallResponses[204];
  // @ts-expect-error hangupCall resolves to nothing
  const nothing: string = await client.calls.hangupCall({ call_uuid: 'u' });

  // @ts-expect-error timeout is in milliseconds
  await client.calls.getCall({ call_uuid: 'u' }, { timeout: '1s' });
  // @ts-expect-error no such client option
  new PlivoClient({ authID: 'MA1' });
  // @ts-expect-error credentials are strings
  new PlivoClient({ authToken: 1 });
  // @ts-expect-error Plivo declares no method override
  new PlivoClient({ methodOverride: true });

  // Logging: a level and any logger with error/warn/info/debug.
  const level: LogLevel = 'debug';
  const logger: Logger = console;
  new PlivoClient({ logLevel: level, logger });
  new PlivoClient({ logLevel: 'off', logger: { error() {}, warn() {}, info: (message: string) => void message, debug() {} } });
  // @ts-expect-error no such level
  new PlivoClient({ logLevel: 'verbose' });
  // @ts-expect-error a logger needs all four levels
  new PlivoClient({ logger: { info: console.info } });

  // A resource group is a class of its own: made with a client, typed by its interface, found with instanceof.
  const calls: CallsApi = new CallsApi(client);
  const fromCalls: CallFired = await calls.makeCall({ body });
  const typedGroup: CallsApi = client.calls;
  const something: unknown = client.calls;
  if (something instanceof CallsApi) {
    const narrowed: CallList = await something.listCalls();
  }
  // @ts-expect-error a group is made with a client
  new CallsApi();
  // @ts-expect-error …a client, not its options
  new CallsApi({ authId: 'MA1' });
  // @ts-expect-error the client a group calls through is not part of its API
  void client.calls.$client;
  // @ts-expect-error only the operations of the tag are methods
  void client.calls.listMessages;
  // @ts-expect-error the paging method gives a Paginator, not a promise of one page
  const notAPage: Promise<CallList> = client.calls.listAllCalls();

  try {
    await client.calls.getCall({ call_uuid: 'u' });
  } catch (error) {
    if (error instanceof NotFoundError) {
      const apiError: ApiError = error;
      const code: number = error.status;
      const requestId: string | undefined = error.requestId;
    }
    if (error instanceof UnprocessableEntityError || error instanceof ConflictError) {
      const apiError: ApiError = error;
    }
    if (error instanceof AbortError) {
      const base: SwitchboardError = error;
      const reason: unknown = error.cause;
      // @ts-expect-error an abort is no API error: it has no status
      void error.status;
    }
    if (error instanceof TimeoutError) {
      const base: SwitchboardError = error;
    }
  }
}
