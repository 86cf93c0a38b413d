/** Type tests of the generated Bandwidth client (see plivo.ts). */
import { BandwidthClient, type BinaryResponse, type CallRecordingMetadata } from '../../../generated/bandwidth/src/index.js';

const client = new BandwidthClient({ username: 'u', password: 'p', accountId: '9900000', timeout: 5000, maxRetries: 0 });

export async function bandwidthTypes(): Promise<void> {
  const media: BinaryResponse = await client.recordings.downloadCallRecording({ callId: 'c', recordingId: 'r' });
  const bytes: Uint8Array = media.data;
  const type: string = media.contentType;
  // @ts-expect-error recordingId is required
  await client.recordings.downloadCallRecording({ callId: 'c' });
  // A download picks one of its declared media types…
  await client.recordings.downloadCallRecording({ callId: 'c', recordingId: 'r' }, { accept: 'audio/vnd.wave', timeout: 5000 });
  // @ts-expect-error …and only those
  await client.recordings.downloadCallRecording({ callId: 'c', recordingId: 'r' }, { accept: 'audio/ogg' });
  // @ts-expect-error other calls have no media type to pick
  await client.recordings.getCallRecording({ callId: 'c', recordingId: 'r' }, { accept: 'application/json' });
  const raw: Response = await client.recordings.downloadCallRecording({ callId: 'c', recordingId: 'r' }).asResponse();
  const stream: ReadableStream<Uint8Array> | null = raw.body;

  const list: CallRecordingMetadata[] = await client.recordings.listAccountCallRecordings({ from: '+19195554321' });
  await client.recordings.listAccountCallRecordings();
  // @ts-expect-error listCallRecordings needs the callId
  await client.recordings.listCallRecordings();

  await client.recordings.updateCallRecordingState({ callId: 'c', body: { state: 'paused' } });
  // @ts-expect-error state is paused or recording
  await client.recordings.updateCallRecordingState({ callId: 'c', body: { state: 'stopped' } });
  // @ts-expect-error transcribeCallRecording answers 204: no body
  const none: object = await client.recordings.transcribeCallRecording({ callId: 'c', recordingId: 'r', body: {} });

  const signal = new AbortController().signal;
  await client.recordings.getCallRecording({ callId: 'c', recordingId: 'r' }, { signal, timeout: 1000, maxRetries: 1, headers: { 'x-a': 'b', 'x-b': null } });
  // @ts-expect-error no such request option
  await client.recordings.getCallRecording({ callId: 'c', recordingId: 'r' }, { retries: 1 });
  // @ts-expect-error Bandwidth declares no rate limit of its own, but a custom one needs both fields
  new BandwidthClient({ rateLimit: { requests: 10 } });
}
