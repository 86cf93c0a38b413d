/** Type tests of the generated Twilio client (see plivo.ts). */
import { TwilioClient, type BinaryResponse, type Call, type MakeCallResult, type RestException } from '../../../generated/twilio/src/index.js';

const client = new TwilioClient({ accountSid: 'AC1', authToken: 't', methodOverride: true });

export async function twilioTypes(): Promise<void> {
  const call: Call = await client.calls.makeCall({ body: { Caller: '+1', Called: '+2', Url: 'https://x', Timeout: 30, IfMachine: 'Hangup' } });
  // @ts-expect-error Called is required
  await client.calls.makeCall({ body: { Caller: '+1', Url: 'https://x' } });
  // @ts-expect-error Timeout is a number, even though it is sent as form text
  await client.calls.makeCall({ body: { Caller: '+1', Called: '+2', Url: 'https://x', Timeout: '30' } });
  // @ts-expect-error IfMachine is Continue or Hangup
  await client.calls.makeCall({ body: { Caller: '+1', Called: '+2', Url: 'https://x', IfMachine: 'Maybe' } });

  await client.incomingPhoneNumbers.updateIncomingPhoneNumber({ IncomingPhoneNumberSid: 'PN1', body: { VoiceCallerIdLookup: true } });
  // @ts-expect-error booleans stay booleans
  await client.incomingPhoneNumbers.updateIncomingPhoneNumber({ IncomingPhoneNumberSid: 'PN1', body: { VoiceCallerIdLookup: 'true' } });

  const created = await client.calls.makeCall({ body: { Caller: '+1', Called: '+2', Url: 'https://x' } }).withResponse();
  const status: MakeCallResult['status'] = created.status;
  // @ts-expect-error makeCall answers 201
  const ok: 200 = created.status;

  for await (const c of client.calls.listAllCalls({ Status: 2 })) {
    const sid: string = c.Sid;
  }
  // @ts-expect-error a nullable field is string | null, not string
  const end: string = (await client.calls.getCall({ CallSid: 'CA1' })).EndTime;
  const maybeEnd: string | null = (await client.calls.getCall({ CallSid: 'CA1' })).EndTime;
  // @ts-expect-error DELETE resolves to nothing
  const deleted: RestException = await client.recordings.deleteRecording({ RecordingSid: 'RE1' });
  // @ts-expect-error Twilio has no binary downloads
  const media: BinaryResponse = await client.recordings.getRecording({ RecordingSid: 'RE1' });
}
