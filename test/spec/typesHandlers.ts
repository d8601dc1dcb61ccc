/**
 * Handlers are typed from the spec. This file is checked by tsc (`npm run
 * typecheck`) and never run: each `@ts-expect-error` line must
 * fail to compile (tsc reports an unused one), so a type that let anything
 * through, as `any` did, fails the typecheck; the lines without one must compile.
 */
import type { Handler, HandlerContext } from '../../src/engine/stages/dispatch.js';
import type { BuiltInSets, Coverage } from '../../src/resources/index.js';
import { findProduct, type productHandlers } from '../../src/resources/products.js';
import type { PathParams, Query, RequestBody, SuccessBody } from '../../src/spec/operationTypes.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <T extends true>(): T | undefined => undefined;

export function checkedByTsc(ctx: HandlerContext<'listProducts'>, get: HandlerContext<'getProduct'>, create: HandlerContext<'createProduct'>): void {
  same<Equal<PathParams<'getOrder'>, { uuid: string }>>();
  same<Equal<PathParams<'listProducts'>, Record<string, never>>>();
  same<Equal<Query<'getProduct'>, Record<string, never>>>();
  same<Equal<RequestBody<'getProduct'>, Record<string, never> | undefined>>();
  same<Equal<SuccessBody<'resetTenant'>, { object: 'reset'; reset_at: string }>>();

  // the query has the spec's filters, typed
  const status: 'active' | 'archived' | 'draft' | undefined = ctx.query.status;
  // @ts-expect-error listProducts has no `colour` filter
  void ctx.query.colour;
  // @ts-expect-error the product's path parameter is `id`
  void get.params.uuid;
  // @ts-expect-error a product's name is a string
  const price: number = create.body.name;
  void [status, price];

  const fine: Handler<'getProduct'> = ({ tenant, params }) => findProduct(tenant, params.id);
  // @ts-expect-error getProduct answers a whole Product, not a part of one
  const partial: Handler<'getProduct'> = ({ params }) => ({ id: params.id });
  // @ts-expect-error `deleted` is the literal true in the spec
  const wrong: Handler<'archiveProduct'> = ({ params }) => ({ id: params.id, deleted: 'yes', archived_at: '2026-05-26T08:30:00Z' });
  void [fine, partial, wrong];

  // every operation has exactly one handler, checked at compile time
  const complete: Coverage<BuiltInSets> = true;
  // @ts-expect-error the product handlers alone leave the other operations unhandled
  const missing: Coverage<[typeof productHandlers]> = true;
  // @ts-expect-error the product handlers twice claim their operations twice
  const twice: Coverage<[...BuiltInSets, typeof productHandlers]> = true;
  void [complete, missing, twice];
}
