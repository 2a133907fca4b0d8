// The WCAG contrast maths the theme tests rely on, against figures published with WCAG 2.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ColourParseError, composite, contrastRatio, effectiveBackground, isLargeText, parseColour, relativeLuminance, requiredTextRatio } from './contrast.js';

const near = (actual: number, expected: number, tolerance = 0.01) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

test('colours as getComputedStyle and style sheets write them', () => {
  assert.deepEqual(parseColour('rgb(18, 38, 58)'), { r: 18, g: 38, b: 58, a: 1 });
  assert.deepEqual(parseColour('rgba(198, 40, 40, 0.55)'), { r: 198, g: 40, b: 40, a: 0.55 });
  assert.deepEqual(parseColour('rgb(255 176 0 / 50%)'), { r: 255, g: 176, b: 0, a: 0.5 });
  assert.deepEqual(parseColour('#0b5cad'), { r: 11, g: 92, b: 173, a: 1 });
  assert.deepEqual(parseColour('#fff'), { r: 255, g: 255, b: 255, a: 1 });
  assert.equal(parseColour('transparent').a, 0);
  assert.throws(() => parseColour('color(display-p3 1 0 0)'), (err: unknown) => err instanceof ColourParseError && err.code === 'SAFE_E_COLOUR_PARSE');
});

test('relative luminance: black 0, white 1, pure green 0.7152', () => {
  near(relativeLuminance(parseColour('#000')), 0, 1e-9);
  near(relativeLuminance(parseColour('#fff')), 1, 1e-9);
  near(relativeLuminance(parseColour('#00ff00')), 0.7152, 1e-9);
});

test('contrast ratios: 21:1 at most, symmetric, and the well-known grey pairs', () => {
  near(contrastRatio(parseColour('#000'), parseColour('#fff')), 21);
  near(contrastRatio(parseColour('#fff'), parseColour('#000')), 21);
  near(contrastRatio(parseColour('#777'), parseColour('#fff')), 4.48); // the classic "just fails AA" grey
  near(contrastRatio(parseColour('#767676'), parseColour('#fff')), 4.54); // the lightest grey that passes
  near(contrastRatio(parseColour('#0b5cad'), parseColour('#12263a')), 2.31); // the header focus ring the issue measured
});

test('translucent colours are seen composited over what is behind them', () => {
  assert.deepEqual(composite({ r: 255, g: 0, b: 0, a: 0.5 }, { r: 0, g: 0, b: 255, a: 1 }), { r: 127.5, g: 0, b: 127.5, a: 1 });
  const white = parseColour('#fff');
  // A transparent element over a white card over a black page: white.
  assert.deepEqual(effectiveBackground([parseColour('transparent'), white], parseColour('#000')), white);
  // Half-black over white: mid grey; text on it is judged against that grey, not against white.
  const grey = effectiveBackground([{ r: 0, g: 0, b: 0, a: 0.5 }], white);
  assert.equal(grey.r, 127.5);
  near(contrastRatio(parseColour('#000'), grey), contrastRatio(parseColour('#000'), { r: 127.5, g: 127.5, b: 127.5, a: 1 }));
  // Translucent text loses contrast.
  assert.ok(contrastRatio({ r: 0, g: 0, b: 0, a: 0.4 }, white) < contrastRatio(parseColour('#000'), white) / 2);
});

test('large text: 24 px, or 18.66 px bold, needs 3:1; anything smaller 4.5:1', () => {
  assert.equal(isLargeText(24, 400), true);
  assert.equal(isLargeText(19, 700), true);
  assert.equal(isLargeText(19, 600), false);
  assert.equal(isLargeText(18, 700), false);
  assert.equal(requiredTextRatio(17, 400), 4.5);
  assert.equal(requiredTextRatio(22.1, 800), 3);
});
