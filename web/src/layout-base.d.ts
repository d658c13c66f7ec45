// layout-base (a dependency of cytoscape-fcose) ships no types; the page only resets its random counter (layout.ts).
declare module "layout-base" {
  const layoutBase: { RandomSeed: { seed: number } };
  export default layoutBase;
}
