"""ms per training step of one method at a batch size and d, PyTorch on one thread with serial OpenBLAS (the
reference code in ../shared/reference/pytorch): augmentation and compute (forward, backward, optimiser) apart,
medians. Prints `aug_ms <a> compute_ms <c>` last. For bench-train.ts --grid.

  /usr/bin/python3 scripts/bench/torch_step.py <method> <batch> <d> [steps]
"""
import os
import sys
import time

REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'reference', 'pytorch')
sys.path.insert(0, REFERENCE)
os.chdir(REFERENCE)

import fastblas  # noqa: E402

fastblas.ensure()

import torch  # noqa: E402

import sweep  # noqa: E402
import train as T  # noqa: E402


def main():
    torch.set_num_threads(1)
    method, batch, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    c = dict(T.DEFAULTS)
    c.update(dict(sweep.BASE[method], d=d, encoder='mlp'))
    torch.manual_seed(0)
    xtr = T.load_data()[0]
    g = torch.Generator().manual_seed(0)
    model = T.SSLModel(c)
    opt = torch.optim.Adam(model.online_params(), lr=1e-3)
    aug, compute = [], []
    span = len(xtr) - batch
    for i in range(3 + steps):
        xb = xtr[(i * batch) % span:(i * batch) % span + batch]
        t0 = time.perf_counter()
        x1, x2 = T.prep(T.augment(xb, g, c['aug'])), T.prep(T.augment(xb, g, c['aug']))
        t1 = time.perf_counter()
        loss, _ = model.loss(x1, x2)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if model.target is not None:
            model.update_target()
        t2 = time.perf_counter()
        if i >= 3:
            aug.append(1000 * (t1 - t0))
            compute.append(1000 * (t2 - t1))
    median = lambda v: sorted(v)[len(v) // 2]
    print(f'aug_ms {median(aug):.2f} compute_ms {median(compute):.2f}')


if __name__ == '__main__':
    main()
