// A tiny element builder: text always goes in as text, never as HTML.
export type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

export function table(caption: string, headers: string[], rows: string[][]): HTMLElement {
  return h("table", {},
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, ...(rows.length ? rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c)))) : [h("tr", {}, h("td", { colspan: String(headers.length) }, "none"))])));
}

export function facts(pairs: [string, string | null | undefined][]): HTMLElement {
  const dl = h("dl");
  for (const [k, v] of pairs) if (v !== null && v !== undefined && v !== "") dl.append(h("dt", {}, k), h("dd", {}, v));
  return dl;
}
