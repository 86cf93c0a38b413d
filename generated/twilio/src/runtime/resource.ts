/** The base of every generated resource group (`client.calls`). */
import type { BaseClient } from './client.js';

/** A group of operations sharing a tag; its methods call through the client. */
export class Resource {
  /** @internal */
  protected readonly $client: BaseClient<any>;

  constructor(client: BaseClient<any>) {
    this.$client = client;
  }
}
