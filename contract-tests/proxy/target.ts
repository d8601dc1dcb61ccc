import { createSandbox, type SandboxOptions } from '../../src/index.js';
import { startProxy, type Rewrite } from './proxy.js';

/**
 * A sandbox in this process behind a rewriting proxy, both on 127.0.0.1
 * ephemeral ports: what `contract:variants` and `contract:faults` point the
 * suite at, exactly as at a deployment (SX_BASE_URL).
 */
export interface ProxiedTarget {
  url: string;
  sandboxUrl: string;
  /** the demo shop's full-access key, as the sandbox knows it */
  key: string;
  /** a full-access key of a second shop, for the tenancy tests */
  secondKey: string;
  close(): Promise<void>;
}

// the sandboxes behind the proxy log nothing: the suite's output is what the scripts print
process.env.SX_SANDBOX_QUIET ??= '1';

export async function startProxied(rewrites: Rewrite[], options: SandboxOptions = {}): Promise<ProxiedTarget> {
  const sandbox = createSandbox(options);
  const { url: sandboxUrl } = await sandbox.listen(0, '127.0.0.1');
  // the second shop is made on the sandbox itself: a deployment's CI would be given its key
  const second = await fetch(`${sandboxUrl}/v1/test_helpers/tenants`, { method: 'POST' });
  const { secret } = (await second.json()) as { secret: string };
  const proxy = await startProxy(sandboxUrl, rewrites);
  return {
    url: proxy.url,
    sandboxUrl,
    key: sandbox.demoKey,
    secondKey: secret,
    async close() {
      await proxy.close();
      await sandbox.close();
    },
  };
}
