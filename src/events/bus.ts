import { isoSeconds } from '../state/clock.js';
import type { EventType, SxEvent } from '../state/records.js';
import type { Tenant } from '../state/tenant.js';

export type EventListener = (tenant: Tenant, event: SxEvent) => void;

/**
 * Every observable state change becomes an event `{id, type, created_at,
 * data: {object}}` and is handed to each listener (the webhook dispatcher,
 * tests). Listeners run synchronously but must not block: delivery work is
 * queued, never awaited here, so an API request never waits on a receiver.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly onListenerError: (err: unknown) => void = () => {}) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish = (tenant: Tenant, type: EventType, object: unknown): SxEvent => {
    const event: SxEvent = {
      id: tenant.ids.next('evt'),
      type,
      created_at: isoSeconds(tenant.clock.now()),
      data: { object },
    };
    for (const listener of this.listeners) {
      try {
        listener(tenant, event);
      } catch (err) {
        this.onListenerError(err);
      }
    }
    return event;
  };
}
