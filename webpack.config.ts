import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

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
