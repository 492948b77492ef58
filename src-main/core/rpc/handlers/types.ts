import type { Input, Method, Output } from '../../../shared/contract.ts';
import type { CoreContext } from '../../context.ts';

export type Handler<M extends Method> = (input: Input<M>, ctx: CoreContext) => Output<M> | Promise<Output<M>>;
/** A handler table for some methods of the contract; the union of all domains must cover every method. */
export type Handlers<M extends Method> = { [K in M]: Handler<K> };
