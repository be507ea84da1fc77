// Maps the tsconfig path aliases (`@ains/<lib>`) to their source entry points for Jest.
const path = require('node:path');

function pathsToModuleNameMapper(paths, rootDir) {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(paths)) {
    const escaped = alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    mapper[`^${escaped}$`] = path.join(rootDir, target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
