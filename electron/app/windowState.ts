// Remembers the window's size, position and maximised state between runs (a JSON file in userData).
// A damaged file or a position on a monitor that is gone falls back to defaults instead of failing.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int().optional(), y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000), height: z.number().int().min(480).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1366, height: 900, maximized: false };

export interface DisplayArea { x: number; y: number; width: number; height: number }

export function loadWindowState(file: string, displays: readonly DisplayArea[]): WindowState {
  let state: WindowState;
  try {
    state = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  // Keep the position only if the title bar is still on some display.
  const visible = displays.some((d) => x >= d.x - 50 && x < d.x + d.width - 100 && y >= d.y && y < d.y + d.height - 50);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(windowStateSchema.parse(state)));
}
