// A whole-number command-line option (`--workers`, `--port`): commander hands its text to this parser, which
// refuses anything but a whole number in the configuration's own range with SAFE_E_INVALID_FIELD naming
// the option, before an engine opens (without it "--workers abc" became NaN and a configuration error).
import type { z } from 'zod';
import { ERROR_CODES, SafeError } from '../contract/errors.js';

export function wholeNumberOption(flag: string, schema: z.ZodNumber): (text: string) => number {
  return (text) => {
    const value = /^\s*-?\d{1,16}\s*$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value)) throw new SafeError(ERROR_CODES.INVALID_FIELD, `${flag} ${JSON.stringify(text)}: not a whole number`, flag.slice(2));
    const checked = schema.safeParse(value);
    if (!checked.success) {
      throw new SafeError(ERROR_CODES.INVALID_FIELD, `${flag} ${value}: must be from ${schema.minValue ?? '-∞'} to ${schema.maxValue ?? '∞'}`, flag.slice(2));
    }
    return value;
  };
}
