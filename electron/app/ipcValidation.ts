// Every IPC call is checked before it reaches the engine: the sender must be the app's own UI, the
// operation must be one the bridge offers, and its arguments must match the operation's own schema.
import { BRIDGE_OPERATIONS, parseOperationArgs, type BridgeOperationName, type OperationArgs } from '../../engine/contract/operations.js';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import { isTrustedSender } from './security.js';

export function validateIpcCall<K extends BridgeOperationName>(name: K, senderUrl: string | undefined, args: unknown): OperationArgs<K> {
  if (!isTrustedSender(senderUrl)) throw new SafeError(ERROR_CODES.UNAUTHORIZED, `IPC ${name} refused: sender ${senderUrl ?? '(unknown)'} is not the app`);
  if (!BRIDGE_OPERATIONS.includes(name)) throw new SafeError(ERROR_CODES.UNKNOWN_OPERATION, `IPC ${name} is not offered to the UI`, 'op');
  return parseOperationArgs(name, args);
}
