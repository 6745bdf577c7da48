/** Tests that run Python with PyTorch: Debian's /usr/bin/python3 with python3-torch, when installed. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const TORCH_PYTHON = '/usr/bin/python3';

const works = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;

/** Any python3 on PATH (enough for a syntax check). */
export const hasPython = works('python3', ['--version']);
export const hasTorch = works(TORCH_PYTHON, ['-c', 'import torch']);

/**
 * One BLAS thread, and OpenBLAS told the CPU it runs on: inside some VMs it cannot tell and falls back to
 * kernels ~4× slower. Debian's serial OpenBLAS is preferred where installed (the default BLAS may be the
 * reference one, ~15× slower). The exported script itself depends on none of this.
 */
export function torchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  const serial = '/usr/lib/x86_64-linux-gnu/openblas-serial';
  if (existsSync(serial)) env.LD_LIBRARY_PATH = [serial, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  if (!env.OPENBLAS_CORETYPE && existsSync('/proc/cpuinfo')) {
    const flags = readFileSync('/proc/cpuinfo', 'utf8');
    const core = / avx512f/.test(flags) ? 'SkylakeX' : / avx2/.test(flags) ? 'Haswell' : null;
    if (core) env.OPENBLAS_CORETYPE = core;
  }
  return env;
}
