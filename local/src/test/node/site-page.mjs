// Runs one of the site's pages as a browser would, or a mail scanner that executes scripts, without a
// browser: fetches the page and its script over HTTP, gives the script a small DOM made of the page's
// own elements, runs it, and reports every request it makes, after loading and after the given steps.
//
//   node site-page.mjs <page URL> [click:<id>] [fill:<input id>=<value>] [submit:<form id>] ...
//
// Prints {"afterLoad": {"requests": ["POST /auth/activate"], "status": "..."}, "afterSteps": {...}}.
import vm from 'node:vm';

const [pageUrl, ...steps] = process.argv.slice(2);
const page = new URL(pageUrl);
const html = await (await fetch(page)).text();

function element(id, tag) {
  const listeners = {};
  return {
    id, tag, textContent: '', hidden: false, disabled: false, value: '', elements: {},
    addEventListener(type, listener) { (listeners[type] ??= []).push(listener); },
    dispatch(type) { (listeners[type] ?? []).forEach((listener) => listener({type, preventDefault() {}})); },
  };
}

const elements = new Map();
for (const [, tag, id] of html.matchAll(/<(\w+)\b[^>]*\sid="([^"]+)"/g)) {
  elements.set(id, element(id, tag));
}
for (const form of [...elements.values()].filter((e) => e.tag === 'form')) {
  for (const input of [...elements.values()].filter((e) => e.tag === 'input')) {
    form.elements[input.id] = input;
  }
}
const metas = new Map([...html.matchAll(/<meta name="([^"]+)" content="([^"]*)"/g)].map(([, name, content]) => [name, {content}]));

const requests = [];
const pending = [];
const sandbox = {
  URLSearchParams,
  JSON,
  CustomEvent: class { constructor(type) { this.type = type; } },
  document: {
    dispatchEvent() { return true; },
    getElementById: (id) => elements.get(id) ?? null,
    querySelector: (selector) => metas.get(/^meta\[name="([^"]+)"\]$/.exec(selector)?.[1]) ?? null,
  },
  window: {location: {search: page.search, pathname: page.pathname}, history: {replaceState() {}}},
  fetch(url, init = {}) {
    const target = new URL(url, page);
    requests.push(`${init.method ?? 'GET'} ${target.pathname}`);
    const response = fetch(target, init);
    pending.push(response.catch(() => undefined));
    return response;
  },
};

/** Lets every request the script started finish, and the script's handlers of their answers run. */
async function settle() {
  for (let round = 0; round < 5; round++) {
    await Promise.all(pending);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function snapshot() {
  return {requests: [...requests], status: elements.get('status')?.textContent ?? null};
}

const [, script] = /<script src="([^"]+)"><\/script>/.exec(html);
vm.runInNewContext(await (await fetch(new URL(script, page))).text(), sandbox);
await settle();
const afterLoad = snapshot();

for (const step of steps) {
  const [action, argument] = step.split(/:(.*)/s);
  const [id, value] = argument.split(/=(.*)/s);
  const target = elements.get(id);
  if (!target) {
    throw new Error(`The page has no element #${id}`);
  }
  if (action === 'fill') {
    target.value = value;
  } else {
    target.dispatch(action);
  }
  await settle();
}
console.log(JSON.stringify({afterLoad, afterSteps: snapshot()}));
