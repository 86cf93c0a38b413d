/**
 * Asynchronous requests: the mock answers at once with the acknowledgement
 * and then sends the real response to the caller's callback URL. Only
 * loopback addresses are called; any other URL is refused and logged, so a
 * mock can never be turned into a request cannon.
 */
export interface CallbackRecord {
  url: string;
  method: string;
  /** The response status the callback reports. */
  status: number;
  body: unknown;
  /** `delivered`, `refused` (not loopback) or `failed` (the receiver did not answer). */
  outcome: 'pending' | 'delivered' | 'refused' | 'failed';
  error?: string;
}
/** True for http(s) URLs on 127.0.0.0/8, ::1 or localhost. */
export declare function isLoopbackUrl(text: string): boolean;
/** Delivers callbacks and keeps a record of each. */
export declare class Callbacks {
  readonly records: CallbackRecord[];
  private readonly pending;
  private readonly fetchImpl;
  private readonly log;
  constructor(fetchImpl: typeof fetch | undefined, log: (line: string) => void);
  /** Sends `body` to `url` after the current response has gone out. */
  send(url: string, method: string, status: number, body: unknown): CallbackRecord;
  /** Resolves when every callback sent so far has been delivered or has failed. */
  settled(): Promise<void>;
  reset(): void;
  private deliver;
}
