// ESLint rule: a server module's files are private. Another module (and the app, the CLI, the test
// harness, the benchmarks) may import a module only through its `index.ts`, its `*.table.ts`
// (foreign keys, SQL) or, from tests, its test fixtures. The kernel imports no module.
// In the web, a feature folder does not import another feature's files (shared pieces live in
// components/ and lib/); the router in app/ composes the features' pages.
import path from "node:path";

const TEST_FILE = /\.test\.tsx?$|[/\\]test-(fixtures|support)\.ts$|\.fixtures\.ts$/;
const FIXTURE = /^(test-(fixtures|support)|[\w.-]+\.fixtures)\.ts$/;

/** The area a file belongs to: { root, name } for server modules or web features, else null. */
function areaOf(file, roots) {
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (!rel.startsWith("..") && !path.isAbsolute(rel) && rel.includes(path.sep)) {
      return { root, name: rel.split(path.sep)[0], rest: rel.split(path.sep).slice(1) };
    }
  }
  return null;
}

function allowedTarget(rest, fromTest) {
  const file = rest.join("/").replace(/\.(js|ts|tsx)$/, "");
  if (rest.length === 0 || file === "index") return true;
  if (rest.length === 1 && /\.table$/.test(file)) return true;
  if (fromTest && FIXTURE.test(`${path.basename(file)}.ts`)) return true;
  return false;
}

export default {
  meta: {
    type: "problem",
    docs: { description: "Modules are imported through their index only; the kernel imports no module." },
    schema: [],
    messages: {
      reachIn:
        "'{{spec}}' reaches into the {{area}} '{{name}}'. Import its index ('{{index}}'), or move what you need into its index.",
      kernel: "The kernel imports no module ('{{spec}}'): pass what it needs in from app.ts.",
    },
  },
  create(context) {
    const file = context.filename;
    const repo = context.cwd;
    const serverModules = path.join(repo, "server/src/modules");
    const webFeatures = path.join(repo, "web/src/features");
    const kernel = path.join(repo, "server/src/kernel");
    const fromTest = TEST_FILE.test(file);
    const own = areaOf(file, [serverModules, webFeatures]);
    const inKernel = !path.relative(kernel, file).startsWith("..");

    function check(node) {
      const spec = node.source && node.source.value;
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const target = path.resolve(path.dirname(file), spec);
      const area =
        areaOf(target, [serverModules, webFeatures]) ??
        areaOf(path.join(target, "index.ts"), [serverModules, webFeatures]);
      if (!area) return;
      if (inKernel && area.root === serverModules) {
        context.report({ node: node.source, messageId: "kernel", data: { spec } });
        return;
      }
      if (own && own.root === area.root && own.name === area.name) return;
      // The web's router (app/) is where feature pages are lazily loaded; only features are fenced.
      if (area.root === webFeatures && !(own && own.root === webFeatures)) return;
      if (allowedTarget(area.rest, fromTest)) return;
      const index = path.relative(path.dirname(file), path.join(area.root, area.name)) || ".";
      context.report({
        node: node.source,
        messageId: "reachIn",
        data: {
          spec,
          area: area.root === serverModules ? "module" : "feature",
          name: area.name,
          index: index.startsWith(".") ? index : `./${index}`,
        },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression(node) {
        if (node.source.type === "Literal") check({ source: node.source });
      },
    };
  },
};
