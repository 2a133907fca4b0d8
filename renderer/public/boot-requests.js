// Runs as index.html is read (a classic script in <head>), before the app's bundle has arrived: sends the
// two requests the first screen waits on, the token's session and the stored run the address names, so
// they overlap the bundle's download and evaluation instead of following them (docs/performance.md,
// bench:ui). The app's HTTP transport takes each answer for its first call of the same request with the
// same token (renderer/src/transport/earlyRequests.ts); anything not sent here it sends itself.
// Same token, route and paths as takeTokenFromLocation (httpTransport.ts), parseRoute and routeRunId
// (routes.ts, bootPreload.ts) and the 'session' and 'run' bindings (engine/contract/httpBindings.ts):
// earlyRequests.test.ts runs this file against them. Not in the desktop app: its bridge needs no HTTP.
(function () {
  // The address without its token, split as parseRoute does (routes.ts): '', page, id, sub-page.
  var route = location.hash.replace(/[#&]?token=[0-9a-f]{64}/, '').replace(/^#/, '').split('/');

  // The address's page code, preloaded beside the entry rather than after it has run: the build lists each
  // page's files in index.html (renderer/vite.config.ts, #page-chunks). Same pages as parseRoute (routes.ts).
  // Asked for once the parser has reached the entry's own script (a task later), so the entry, the session
  // and the run go out first: they are what the first screen waits on longest.
  setTimeout(preloadPage, 0);
  function preloadPage() {
    var pageName = route[1] === 'analysis' && route[2] ? (route[3] === 'briefing' ? 'briefing' : 'analysis')
      : route[1] === 'new' ? 'edit' : route[1] === 'settings' || route[1] === 'device' || route[1] === 'models' ? route[1] : 'incidents';
    var listed = document.getElementById('page-chunks');
    var pageFiles = [];
    try {
      pageFiles = (listed && JSON.parse(listed.textContent || '{}')[pageName]) || [];
    } catch {
      // a development page has no list: the app loads its page itself
    }
    for (var f = 0; f < pageFiles.length; f++) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = ''; // as the bundle's own module requests, so the browser reuses what it preloaded
      link.href = pageFiles[f];
      document.head.appendChild(link);
    }
  }

  if (window.safeEdge || typeof fetch !== 'function') return;
  var inAddress = /token=([0-9a-f]{64})/.exec(location.hash);
  var token = inAddress ? inAddress[1] : null;
  if (!token) {
    try {
      token = sessionStorage.getItem('safe-edge-token');
    } catch {
      // storage blocked: the app asks for itself
    }
  }
  if (!token) return;
  var page = route[1];
  var id = route[2] ? decodeURIComponent(route[2]) : '';
  var runId = page === 'analysis' && id ? (route[3] === 'briefing' || id !== 'live' ? id : null) : page === 'new' && id ? id : null;
  var sent = {};
  function get(path) {
    return fetch(path, { method: 'GET', headers: { authorization: 'Bearer ' + token } });
  }
  function keep(path, answer) {
    answer.catch(function () {}); // handled by the call that takes it
    sent[path] = answer;
  }
  var session = get('/v1/session');
  keep('/v1/session', session);
  if (runId) {
    var runPath = '/v1/runs/' + encodeURIComponent(runId);
    // Asked once the session says the token may read runs, as bootPreload.ts does: a viewer's token may not,
    // and its refused request would be logged. No session answer: asked as before. The session's one
    // loopback round trip is spent while the bundle is still on its way.
    keep(runPath, session.then(function (answer) { return answer.ok ? answer.clone().json() : null; }, function () { return null; })
      .then(function (said) {
        if (said && said.access === 'viewer') {
          delete sent[runPath];
          throw new Error('a viewer token may not read runs: not asked');
        }
        return get(runPath);
      }));
  }
  window.safeEdgeEarlyRequests = { token: token, sent: sent };
})();
