/**
 * `fetch` for Pagefind from file:// (no fetch, no module scripts, no workers there). The offline
 * build ships every file Pagefind reads (entry, meta, WebAssembly, index, filter and fragment
 * files) as `<file>.js`, a classic script that calls `__pf(name, base64)`; this function loads
 * that script with a `<script src>` tag and answers with a Response-like object holding the
 * bytes. scripts/search/classic.ts puts this file at the top of the classic Pagefind bundle,
 * where it shadows the global `fetch` for Pagefind's code only.
 *
 * `root` is the folder of the bundle: a file's name is its URL relative to it, query dropped.
 */
function scriptFetch(root) {
  var loaded = {};
  self.__pf = function (name, base64) {
    var bin = atob(base64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    loaded[name] = bytes;
  };
  function answer(bytes) {
    return {
      ok: true,
      status: 200,
      arrayBuffer: function () {
        return Promise.resolve(bytes.buffer);
      },
      text: function () {
        return Promise.resolve(new TextDecoder().decode(bytes));
      },
      json: function () {
        return Promise.resolve(JSON.parse(new TextDecoder().decode(bytes)));
      },
    };
  }
  return function fetch(input) {
    var href = new URL(String(input), root).href.split(/[?#]/)[0];
    if (href.indexOf(root) !== 0) return Promise.reject(new Error('outside the offline index: ' + href));
    var name = href.slice(root.length);
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = href + '.js';
      s.onload = function () {
        s.remove();
        var bytes = loaded[name];
        delete loaded[name];
        if (bytes) resolve(answer(bytes));
        else reject(new Error(name + '.js registered nothing'));
      };
      s.onerror = function () {
        s.remove();
        reject(new Error('cannot load ' + name + '.js'));
      };
      document.head.appendChild(s);
    });
  };
}
