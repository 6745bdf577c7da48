"""ms of one float32 matrix product a·b, a [m, k] and b [k, n], PyTorch on one thread with serial OpenBLAS (as
torch_step.py runs it), median of 30 after a warm-up. Prints `matmul_ms <ms>` last. For bench-train.ts.

  /usr/bin/python3 scripts/bench/torch_matmul.py <m> <k> <n>
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'reference', 'pytorch'))

import fastblas  # noqa: E402

fastblas.ensure()

import torch  # noqa: E402


def main():
    torch.set_num_threads(1)
    m, k, n = (int(v) for v in sys.argv[1:4])
    g = torch.Generator().manual_seed(0)
    a, b = torch.randn(m, k, generator=g), torch.randn(k, n, generator=g)
    for _ in range(5):
        a @ b
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        a @ b
        times.append(1000 * (time.perf_counter() - t0))
    print(f'matmul_ms {sorted(times)[len(times) // 2]:.3f}')


if __name__ == '__main__':
    main()
