// Runs before the page is first drawn (a classic script in <head>, before the stylesheet applies to any
// content): puts the stored palette and text size on <html>, so a dark or night screen never flashes light.
// Same keys and rules as renderer/src/logic/theme.ts ("system" follows prefers-color-scheme, anything
// unknown is "system"); main.tsx then takes over and keeps them current.
(function () {
  var root = document.documentElement;
  var stored = null;
  var size = null;
  try {
    stored = localStorage.getItem('safe-edge-theme');
    size = localStorage.getItem('safe-edge-text-size');
  } catch {
    // storage blocked: the defaults below
  }
  var systemDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var theme = stored === 'light' || stored === 'dark' || stored === 'night' ? stored : systemDark ? 'dark' : 'light';
  root.dataset.theme = theme;
  root.dataset.textSize = size === 'large' ? 'large' : 'normal';
  root.style.colorScheme = theme === 'light' ? 'light' : 'dark';
})();
