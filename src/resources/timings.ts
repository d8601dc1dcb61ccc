/**
 * How long money takes to move on the shop's clock. Both the handlers that
 * schedule the work and the fixtures that describe finished work use these,
 * so a seeded payout looks exactly like one made through the API.
 */

/**
 * A refund is `processing` for a minute before it `succeeded`: long enough
 * that a client sees the intermediate state (and must poll or listen for
 * `order.refunded`), short enough that one clock/advance of a minute settles it.
 */
export const REFUND_SETTLE_MS = 60_000;

/**
 * A payout waits 20 s in the queue before it is broadcast (the reference's
 * example payout took 22 s): the window in which a client can watch `queued`.
 */
export const PAYOUT_BROADCAST_MS = 20_000;

/**
 * Two minutes from broadcast to `confirmed` (the reference's example took
 * 2 min 9 s on tron): a few blocks on the slower chains, one clock/advance away.
 */
export const PAYOUT_CONFIRM_MS = 120_000;
