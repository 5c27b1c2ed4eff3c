// A CPU profile of the extension host (Node host only), written as a .cpuprofile (`BENCH_PROFILE=file`).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

export async function startProfile(): Promise<{ stop(path: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    async stop(path) {
      const { profile } = await post<{ profile: unknown }>('Profiler.stop');
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
      return path;
    },
  };
}
