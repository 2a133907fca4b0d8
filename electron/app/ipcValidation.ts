// Every IPC call is checked before it reaches the engine: the sender must be the app's own UI and the
// arguments must match the contract's schema for that channel.
import { IPC_INVOKE, type IpcInvokeName } from '../../engine/contract/ipc.js';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import { isTrustedSender } from './security.js';

export function validateIpcCall<N extends IpcInvokeName>(name: N, senderUrl: string | undefined, args: unknown[]): unknown[] {
  if (!isTrustedSender(senderUrl)) throw new SafeError(ERROR_CODES.UNAUTHORIZED, `IPC ${name} refused: sender ${senderUrl ?? '(unknown)'} is not the app`);
  const parsed = IPC_INVOKE[name].args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SafeError(ERROR_CODES.INVALID_FIELD, `IPC ${name}: argument ${issue?.path.join('.')}: ${issue?.message}`, issue?.path.join('.'));
  }
  return parsed.data as unknown[];
}
