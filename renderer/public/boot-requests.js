// Runs as index.html is read (a classic script in <head>), before the app's bundle has arrived: sends the
// two requests the first screen waits on, the token's session and the stored run the address names, so
// they overlap the bundle's download and evaluation instead of following them (docs/performance.md,
// bench:ui). The app's HTTP transport takes each answer for its first call of the same request with the
// same token (renderer/src/transport/earlyRequests.ts); anything not sent here it sends itself.
// Same token, route and paths as takeTokenFromLocation (httpTransport.ts), parseRoute and routeRunId
// (routes.ts, bootPreload.ts) and the 'session' and 'run' bindings (engine/contract/httpBindings.ts):
// earlyRequests.test.ts runs this file against them. Not in the desktop app: its bridge needs no HTTP.
(function () {
  if (window.safeEdge || typeof fetch !== 'function') return;
  var hash = location.hash;
  var inAddress = /token=([0-9a-f]{64})/.exec(hash);
  var token = inAddress ? inAddress[1] : null;
  if (!token) {
    try {
      token = sessionStorage.getItem('safe-edge-token');
    } catch {
      // storage blocked: the app asks for itself
    }
  }
  if (!token) return;
  var parts = hash.replace(/[#&]?token=[0-9a-f]{64}/, '').replace(/^#/, '').split('/');
  var page = parts[1];
  var id = parts[2] ? decodeURIComponent(parts[2]) : '';
  var runId = page === 'analysis' && id ? (parts[3] === 'briefing' || id !== 'live' ? id : null) : page === 'new' && id ? id : null;
  var sent = {};
  function send(path) {
    var answer = fetch(path, { method: 'GET', headers: { authorization: 'Bearer ' + token } });
    answer.catch(function () {}); // handled by the call that takes it
    sent[path] = answer;
  }
  send('/v1/session');
  if (runId) send('/v1/runs/' + encodeURIComponent(runId));
  window.safeEdgeEarlyRequests = { token: token, sent: sent };
})();
