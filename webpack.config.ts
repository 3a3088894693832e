import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import { copyFilePatterns } from './.config/bundler/copyFiles';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// The scaffold copies every src/**/*.json into dist/ (plugin.json files, dashboards). Test fixtures
// are JSON too and must not ship: narrow that one pattern.
for (const pattern of copyFilePatterns) {
  if (pattern.from === '**/*.json') {
    Object.assign(pattern, { globOptions: { ignore: ['**/fixtures/**', '**/__fixtures__/**', '**/testdata/**'] } });
  }
}

// The scaffold copies each info.screenshots path of plugin.json from src/; ours are the README's
// images in docs/img/, copied to the path plugin.json names (img/screenshots/<file>).
const SCREENSHOTS = 'img/screenshots/';
for (const pattern of copyFilePatterns) {
  if (pattern.from.startsWith(SCREENSHOTS)) {
    pattern.from = `../docs/img/${pattern.from.slice(SCREENSHOTS.length)}`;
  }
}

// The scaffold copies only the root img/; nested plugins (data source, panels) carry their own logos.
const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  return merge(base, {
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'datasource/img/*', to: '.', noErrorOnMissing: false },
          { from: 'panels/*/img/*', to: '.', noErrorOnMissing: false },
        ],
      }),
    ],
  });
};

export default config;
