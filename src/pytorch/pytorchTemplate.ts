/**
 * The one Python template of the exported PyTorch script. Everything but the method's parts (the `pytorch` of
 * src/methods/<name>/info.ts) and the experiment's values is shared by every method: data, augmentations,
 * networks, metrics, the collapse verdict, the training loop, the command line and DistributedDataParallel.
 * Each part mirrors the lab's TypeScript (named in the comments below where it helps the next engineer;
 * the script itself names no lab file, as it must stand alone).
 */

/** What the generator fills in; every string is Python, already formatted for its place. */
export interface TemplateFills {
  /** "SimSiam, stop-gradient off": the first line of the docstring. */
  title: string;
  /** One paragraph on the method, wrapped. */
  summary: string;
  /** The method's switches as `key=value, …`. */
  switches: string;
  /** The `CONFIG = {...}` assignment. */
  config: string;
  method: string;
  /** `True` / `False` for each need. */
  hasPredictor: string;
  hasTarget: string;
  hasPrototypes: string;
  hasClassifier: string;
  trains: string;
  helpers: string;
  loss: string;
  positivePairCosine: string;
  /** `COLLAPSE_THRESHOLDS = {...}` and `AT_BOUND_COSINE = ...`. */
  verdictConstants: string;
  defaultSteps: string;
  /** `LINEAR_PROBE = {...}`: metrics/linearProbe.ts's recipe. */
  linearProbe: string;
}

// Template notes (for whoever edits it): String.raw keeps Python's backslashes; Python must not use backticks
// or the two characters dollar + brace here. `${x}` below are the fills.
export const pythonTemplate = (f: TemplateFills): string => String.raw`#!/usr/bin/env python3
"""${f.title}: a Hypersphere Lab experiment as a PyTorch script.

${f.summary}
Switches: ${f.switches}.

Made by the lab's "Open in PyTorch" export from the experiment in CONFIG below. It trains the same networks
(encoder MLP C·S·S-256-128 on C×S×S images: 784 for 28×28 grey, 3,072 for 32×32 colour, projector 128-128-d, predictor d-64-d, BatchNorm + ReLU, PyTorch's default
initialisation) with the same loss, augmentations, optimiser and hyper-parameters as the lab, measures the
same metrics on the held-out images every --log-every steps and prints them as CSV, then the lab's verdict:
    verdict: collapsed at step 75 | verdict: partial collapse from step 50 | verdict: healthy
Its random numbers are not the lab's, so runs agree in behaviour, not digit for digit.

Run it from the lab's project folder, where it reads the shipped images in public/data:
    python3 run.py --steps 200
Take it further (torchvision models and datasets; a dataset is downloaded once, to --download-dir):
    python3 run.py --encoder resnet18 --dataset cifar10 --device cuda --steps 5000
    torchrun --nproc_per_node=4 run.py --encoder resnet18 --dataset cifar10 --device cuda --steps 5000
Needs PyTorch, and torchvision for --encoder resnet* or --dataset. python3 run.py --help lists every flag.
"""
import argparse
import copy
import gzip
import json
import math
import os
import sys
import types
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F

# ------------------------------------------------------------------------------------------ the experiment
# The lab's ExperimentConfig, key for key: edit freely, or override keys on the command line (--set key=value).
${f.config}

# The method this script's loss implements; another method needs another export.
METHOD = ${f.method}
# What the method has besides encoder + projector: a predictor (trained while CONFIG['predictor'] is on), an EMA
# target network (while CONFIG['momentum'] > 0), prototypes, a linear classifier on the l2-normalised z.
HAS_PREDICTOR = ${f.hasPredictor}
HAS_EMA_TARGET = ${f.hasTarget}
HAS_PROTOTYPES = ${f.hasPrototypes}
HAS_CLASSIFIER = ${f.hasClassifier}
# False for the random-init baseline: nothing trains, and the script evaluates the initialised network at step 0.
TRAINS = ${f.trains}

# Steps when neither CONFIG['steps'] nor --steps sets any (the lab's 0 means "until paused").
DEFAULT_STEPS = ${f.defaultSteps}
ENCODER_HIDDEN = [256, 128]
PROJECTOR_HIDDEN = 128
PREDICTOR_HIDDEN = 64
# BatchNorm's running statistics start as the average of this many augmented batches (both views), so the
# evaluation at step 0 shows the initialisation rather than untrained running statistics.
CALIBRATION_BATCHES = 8
# Metrics use the first EVAL_IMAGES held-out images (the lab's 2,000); kNN's bank is the first KNN_BANK_IMAGES
# training images (all 8,000 of the lab's), with k = KNN_K cosine neighbours.
EVAL_IMAGES = 2000
KNN_BANK_IMAGES = 10000
KNN_K = 20
# The linear probe's fixed recipe, the lab's own numbers: a softmax classifier trained from zero weights on the kNN
# bank's standardised features by full-batch Adam for LINEAR_PROBE['steps'] steps (see linear_probe_accuracy).
${f.linearProbe}
# Uniformity is measured on the first UNIFORMITY_POINTS points (its cost grows with their square).
UNIFORMITY_POINTS = 1000
RANKME_EPSILON = 1e-7

# 'own': the user's own images, exported from the lab as own/train.hsd and own/eval.hsd (they are never in the script).
LAB_DATASETS = ['fashion-mnist', 'mnist', 'shapes-colours', 'own']
TORCHVISION_DATASETS = {'cifar10': 'CIFAR10', 'cifar100': 'CIFAR100', 'fashion-mnist': 'FashionMNIST', 'mnist': 'MNIST'}
ENCODERS = ['mlp', 'resnet18', 'resnet34', 'resnet50']
CSV_COLUMNS = ['step', 'loss', 'collapse_std', 'std_scaled', 'alignment', 'uniformity', 'effective_rank', 'top_share', 'knn_z', 'knn_h', 'linear_z', 'linear_h']
SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))


class ScriptError(Exception):
    """A problem the user can fix (missing data, a bad setting): printed as a message, exit code 1."""


# ------------------------------------------------------------------------------------------------ data
def read_hsd(path):
    """Reads one of the lab's .hsd ("hypersphere dataset") files: public/data/<dataset>/{train,eval}.hsd.

    The file is gzip-compressed (an uncompressed one is read too). Inside, all integers little-endian:
      bytes 0-3    the signature b'HSD1'
      bytes 4-7    u32 count: the number of images
      bytes 8-9    u16 rows;  bytes 10-11 u16 cols (28 x 28 grey, 32 x 32 colour)
      bytes 12-15  u32 length in bytes of the JSON header that follows
      JSON header  {"name": "fashion-mnist", "split": "train" | "eval", "classNames": [...], "channels": 3, "source": "..."}
                   ("channels" is 1 or 3; a grey file, and any file written before colour, leaves it out: 1)
      count bytes  the labels: indices into classNames
      count x channels x rows x cols bytes  the pixels, image after image, each a row-major plane per channel
                   (R, G, B), 0 = black, 255 = white
    Returns (images: uint8 [count, channels, rows, cols], labels: int64 [count], header: dict).
    """
    try:
        with open(path, 'rb') as file:
            raw = file.read()
        if raw[:2] == b'\x1f\x8b':
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as error:
        raise ScriptError(f'Dataset file "{path}" cannot be read ({error}).')

    def fail(problem):
        raise ScriptError(f'Dataset file "{path}" {problem}. Rebuild it in the lab with: npm run data')

    if len(raw) < 16 or raw[:4] != b'HSD1':
        fail('is not a hypersphere dataset (missing the "HSD1" signature)')
    count = int.from_bytes(raw[4:8], 'little')
    rows = int.from_bytes(raw[8:10], 'little')
    cols = int.from_bytes(raw[10:12], 'little')
    header_end = 16 + int.from_bytes(raw[12:16], 'little')
    try:
        header = json.loads(raw[16:header_end].decode('utf-8'))
        class_names = list(header['classNames'])
        channels = header.get('channels', 1)
    except (ValueError, KeyError, TypeError, AttributeError):
        fail('has an unreadable header')
    if channels not in (1, 3):
        fail(f'has {channels} channels per pixel, but only 1 (grey) or 3 (colour) are read')
    pixels_start = header_end + count
    if len(raw) != pixels_start + count * channels * rows * cols:
        fail(f'holds {len(raw)} bytes, but {count} images of {channels}x{rows}x{cols} need {pixels_start + count * channels * rows * cols}')
    labels = torch.frombuffer(bytearray(raw[header_end:pixels_start]), dtype=torch.uint8).long()
    if count == 0 or int(labels.max()) >= len(class_names):
        fail('has no images or a label past its classes')
    images = torch.frombuffer(bytearray(raw[pixels_start:]), dtype=torch.uint8).view(count, channels, rows, cols)
    return images, labels, header


def lab_data_root(name, data_dir):
    """The folder holding the lab's <name>/train.hsd: --data-dir, else public/data under the current folder,
    else under this script's folder."""
    roots = [data_dir] if data_dir else [os.path.join(os.getcwd(), 'public', 'data'), os.path.join(SCRIPT_DIR, 'public', 'data')]
    for root in roots:
        if os.path.isfile(os.path.join(root, name, 'train.hsd')):
            return root
    looked = ' or '.join(f'"{os.path.join(root, name)}"' for root in roots)
    if name == 'own':
        raise ScriptError(
            f'Your own images (own/train.hsd, own/eval.hsd) are not in {looked}: they stay in the browser that decoded them. '
            'In the lab, Share > Export > "Your images (.hsd)" saves them as a zip; unzip it and pass --data-dir <the unzipped folder>.')
    raise ScriptError(
        f"The lab's {name} files (train.hsd, eval.hsd) are not in {looked}. Run this script from the lab's "
        'project folder, pass --data-dir <lab folder>/public/data, or train on a torchvision dataset with --dataset.')


def load_lab_data(name, data_dir):
    """The lab's shipped images: 8,000 training and 2,000 held-out evaluation images."""
    root = lab_data_root(name, data_dir)
    splits = {}
    for split in ['train', 'eval']:
        path = os.path.join(root, name, f'{split}.hsd')
        images, labels, header = read_hsd(path)
        if header.get('name') != name or header.get('split') != split:
            raise ScriptError(f'Dataset file "{path}" holds {header.get("name")}/{header.get("split")}, not {name}/{split}.')
        splits[split] = (images, labels, header['classNames'])
    return splits['train'], splits['eval'], f"the lab's {name} files in {root}"


def load_torchvision_data(name, root, distributed):
    """A torchvision dataset, downloaded to root on first use (by one process when launched with torchrun)."""
    import torchvision

    dataset_class = getattr(torchvision.datasets, TORCHVISION_DATASETS[name])

    def split(train):
        data = dataset_class(root, train=train, download=distributed.is_main)
        images = torch.as_tensor(data.data)
        # Grey sets hold N x H x W, colour sets N x H x W x C; the networks read N x C x H x W.
        images = images[:, None] if images.ndim == 3 else images.permute(0, 3, 1, 2)
        return images.contiguous(), torch.as_tensor(data.targets, dtype=torch.int64), list(data.classes)

    if distributed.is_main:
        result = split(True), split(False)
    distributed.barrier()
    if not distributed.is_main:
        result = split(True), split(False)
    return result[0], result[1], f'torchvision {TORCHVISION_DATASETS[name]} in {root}'


def pixel_stats(images):
    """Mean and std of all pixel values of uint8 images in [0, 1], every channel together, for input normalisation
    (as the lab normalises: one mean and std, grey or colour)."""
    total = torch.zeros((), dtype=torch.float64)
    squares = torch.zeros_like(total)
    for start in range(0, len(images), 4096):
        chunk = images[start:start + 4096].double() / 255
        total += chunk.sum().cpu()
        squares += (chunk ** 2).sum().cpu()
    count = images.numel()
    mean = total / count
    std = (squares / count - mean ** 2).clamp(min=1e-12).sqrt()
    return mean.float().view(1, 1, 1, 1), std.float().view(1, 1, 1, 1)


# --------------------------------------------------------------------------------------- augmentations
# The lab's augmentations, drawn per image: random resized crop + horizontal flip, contrast and brightness
# jitter (on colour images also saturation, hue and random greyscale), random erasing, gaussian noise, clipped
# to [0, 1]. They act on any image size, grey or colour.
LOG_RATIO_CROP = (math.log(3 / 4), math.log(4 / 3))
LOG_RATIO_ERASE = (math.log(0.3), math.log(3.3))
ERASE_AREA = (0.02, 0.2)
RECT_TRIES = 10


def uniform(shape, low, high, generator):
    return low + (high - low) * torch.rand(shape, generator=generator, device=generator.device)


def sample_rects(count, size, area, log_ratio, generator):
    """A rectangle per image covering a uniform fraction 'area' of it with a log-uniform aspect ratio, placed
    uniformly: torchvision's RandomResizedCrop / RandomErasing rejection sampling (10 tries). Returns top,
    left, height, width in pixels and whether a try fitted."""
    target = size * size * uniform((count, RECT_TRIES), area[0], area[1], generator)
    ratio = torch.exp(uniform((count, RECT_TRIES), log_ratio[0], log_ratio[1], generator))
    width = torch.floor(torch.sqrt(target * ratio) + 0.5)
    height = torch.floor(torch.sqrt(target / ratio) + 0.5)
    fits = (width > 0) & (height > 0) & (width <= size) & (height <= size)
    first = fits.float().argmax(1, keepdim=True)  # the first try that fits
    height, width = height.gather(1, first)[:, 0], width.gather(1, first)[:, 0]
    top = torch.floor(uniform(count, 0, 1, generator) * (size - height + 1))
    left = torch.floor(uniform(count, 0, 1, generator) * (size - width + 1))
    return top, left, height, width, fits.any(1)


LUMA = (0.299, 0.587, 0.114)


def luma(x):
    """The grey of colour images [N, 3, S, S] (ITU-R 601, as torchvision's rgb_to_grayscale): [N, 1, S, S]."""
    return LUMA[0] * x[:, 0:1] + LUMA[1] * x[:, 1:2] + LUMA[2] * x[:, 2:3]


def turn_hue(x, turn):
    """Colour images [N, 3, S, S] in [0, 1] with their HSV hue turned by 'turn' [N] (a fraction of the wheel):
    the largest and smallest channel stay, the middle one moves, as the lab does it."""
    r, g, b = x[:, 0], x[:, 1], x[:, 2]
    high, low = x.max(1).values, x.min(1).values
    chroma = high - low
    safe = torch.where(chroma > 0, chroma, torch.ones_like(chroma))
    hue = torch.where(high == r, (g - b) / safe, torch.where(high == g, (b - r) / safe + 2, (r - g) / safe + 4))
    hue = torch.remainder(hue + 6 * turn.view(-1, 1, 1), 6)
    sector = torch.floor(hue).clamp(0, 5)
    rising, falling = low + chroma * (hue - sector), high - chroma * (hue - sector)
    # (r, g, b) in each sixth of the wheel.
    sixths = [(high, rising, low), (falling, high, low), (low, high, rising), (low, falling, high), (rising, low, high), (high, low, falling)]
    return torch.stack([sum((sector == k) * sixth[c] for k, sixth in enumerate(sixths)) for c in range(3)], 1)


def augment(images, cfg, generator):
    """One augmented view of a batch of images in [0, 1], [N, C, S, S] -> [N, C, S, S]."""
    count, size = images.shape[0], images.shape[-1]
    top, left, height, width, fits = sample_rects(count, size, (cfg['cropMinArea'], 1), LOG_RATIO_CROP, generator)
    # A crop that never fitted keeps the whole image.
    top, left = torch.where(fits, top, 0.0), torch.where(fits, left, 0.0)
    height, width = torch.where(fits, height, float(size)), torch.where(fits, width, float(size))
    # Crop box corners are pixel centres; align_corners=True maps -1 and 1 to the first and last pixel centres,
    # the same resampling as tf.image.cropAndResize. A flip swaps the box's left and right edges.
    last = size - 1
    y1, y2 = top / last, (top + height - 1) / last
    x1, x2 = left / last, (left + width - 1) / last
    flip = uniform(count, 0, 1, generator) < cfg['flipProb']
    x1, x2 = torch.where(flip, x2, x1), torch.where(flip, x1, x2)
    theta = torch.zeros(count, 2, 3, device=images.device)
    theta[:, 0, 0], theta[:, 0, 2] = x2 - x1, x1 + x2 - 1
    theta[:, 1, 1], theta[:, 1, 2] = y2 - y1, y1 + y2 - 1
    grid = F.affine_grid(theta, list(images.shape), align_corners=True)
    x = F.grid_sample(images, grid, mode='bilinear', padding_mode='zeros', align_corners=True)

    # Contrast around each image's mean (a colour image's mean luma), then a brightness factor (multiplicative: a
    # black background stays black).
    colour = images.shape[1] == 3
    jitter = uniform(count, 0, 1, generator) < cfg['jitterProb']
    contrast = torch.where(jitter, uniform(count, 1 - cfg['contrast'], 1 + cfg['contrast'], generator), 1.0)
    brightness = torch.where(jitter, uniform(count, 1 - cfg['brightness'], 1 + cfg['brightness'], generator), 1.0)
    mean = (luma(x) if colour else x).mean((1, 2, 3), keepdim=True)
    x = ((x - mean) * contrast.view(-1, 1, 1, 1) + mean) * brightness.view(-1, 1, 1, 1)
    if colour:
        # Saturation (a blend with each pixel's luma), hue, then greyscale, clamped after each as the lab does.
        saturation = torch.where(jitter, uniform(count, 1 - cfg['saturation'], 1 + cfg['saturation'], generator), 1.0)
        hue = torch.where(jitter, uniform(count, -cfg['hue'], cfg['hue'], generator), 0.0)
        grey = uniform(count, 0, 1, generator) < cfg['greyProb']
        x = x.clamp(0, 1)
        x = (luma(x) + (x - luma(x)) * saturation.view(-1, 1, 1, 1)).clamp(0, 1)
        x = turn_hue(x, hue)
        x = torch.where(grey.view(-1, 1, 1, 1), luma(x).expand_as(x), x)

    erase = uniform(count, 0, 1, generator) < cfg['eraseProb']
    top, left, height, width, fits = sample_rects(count, size, ERASE_AREA, LOG_RATIO_ERASE, generator)
    pixels = torch.arange(size, device=images.device).view(1, -1)
    rows = (pixels >= top[:, None]) & (pixels < (top + height)[:, None])
    cols = (pixels >= left[:, None]) & (pixels < (left + width)[:, None])
    erased = (erase & fits)[:, None, None] & rows[:, :, None] & cols[:, None, :]
    x = x * (~erased)[:, None].float()

    if cfg['noise'] > 0:
        x = x + cfg['noise'] * torch.randn(x.shape, generator=generator, device=generator.device)
    return x.clamp(0, 1)


# -------------------------------------------------------------------------------------------- networks
def mlp(sizes, batch_norm, activate_output):
    """Linear -> BatchNorm -> ReLU blocks (no bias where BatchNorm follows; with the switch off, Linear -> ReLU).
    The last layer is linear unless activate_output. PyTorch's default init, U(-1/sqrt(fan_in), 1/sqrt(fan_in))."""
    layers = []
    for i in range(len(sizes) - 1):
        activated = i < len(sizes) - 2 or activate_output
        normed = activated and batch_norm
        layers.append(nn.Linear(sizes[i], sizes[i + 1], bias=not normed))
        if normed:
            layers.append(nn.BatchNorm1d(sizes[i + 1]))
        if activated:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def make_encoder(kind, channels, size, batch_norm):
    """The encoder and its feature size: the lab's MLP (C*S*S -> 256 -> 128, BatchNorm + ReLU after each
    layer), or a torchvision ResNet. For images of 64 pixels or less the ResNet's stem is the CIFAR one
    (a 3x3 stride-1 first convolution, no max-pool), as SimCLR does for CIFAR-10."""
    if kind == 'mlp':
        return nn.Sequential(nn.Flatten(), mlp([channels * size * size, *ENCODER_HIDDEN], batch_norm, True)), ENCODER_HIDDEN[-1]
    import torchvision

    net = getattr(torchvision.models, kind)(weights=None, norm_layer=nn.BatchNorm2d if batch_norm else nn.Identity)
    if size <= 64:
        net.conv1 = nn.Conv2d(channels, 64, 3, 1, 1, bias=False)
        net.maxpool = nn.Identity()
    elif channels != 3:
        net.conv1 = nn.Conv2d(channels, 64, 7, 2, 3, bias=False)
    features = net.fc.in_features
    net.fc = nn.Identity()
    return net, features


class EmbeddingNet(nn.Module):
    """Encoder + projector (128 -> 128 -> d, BatchNorm + ReLU hidden, linear output): image -> embedding z."""

    def __init__(self, cfg, encoder, channels, size):
        super().__init__()
        self.encoder, features = make_encoder(encoder, channels, size, cfg['batchNorm'])
        self.projector = mlp([features, PROJECTOR_HIDDEN, cfg['dim']], cfg['batchNorm'], False)

    def forward(self, x):
        return self.projector(self.encoder(x))


class OnlineModel(nn.Module):
    """What the optimiser trains: encoder + projector, plus the predictor (d -> 64 -> d), SwAV's prototypes
    (d x K, unit-length columns) and the supervised classifier (d -> classes, on the first view's l2-normalised z)
    when the method uses them. forward takes both views, so that DistributedDataParallel sees one forward pass
    per step."""

    def __init__(self, cfg, encoder, channels, size, class_count):
        super().__init__()
        self.net = EmbeddingNet(cfg, encoder, channels, size)
        dim = cfg['dim']
        self.predictor = mlp([dim, PREDICTOR_HIDDEN, dim], cfg['batchNorm'], False) if HAS_PREDICTOR and cfg['predictor'] else None
        self.prototypes = nn.Parameter(l2_normalize(torch.randn(cfg['prototypes'], dim)).T.contiguous()) if HAS_PROTOTYPES else None
        self.classifier = nn.Linear(dim, class_count) if HAS_CLASSIFIER else None

    def forward(self, view1, view2):
        out = types.SimpleNamespace(z1=self.net(view1), z2=self.net(view2))
        out.p1, out.p2 = (self.predictor(out.z1), self.predictor(out.z2)) if self.predictor is not None else (out.z1, out.z2)
        if self.prototypes is not None:
            out.s1, out.s2 = l2_normalize(out.z1) @ self.prototypes, l2_normalize(out.z2) @ self.prototypes
        if self.classifier is not None:
            out.logits = self.classifier(l2_normalize(out.z1))
        return out

    @torch.no_grad()
    def renormalise_prototypes(self):
        """Keeps the prototypes on the sphere after every step, as SwAV does."""
        self.prototypes.copy_(l2_normalize(self.prototypes.T).T)


def momentum_at(cfg, step):
    """EMA rate tau at a step: constant, or BYOL's cosine schedule from tau_base up to 1 over the run."""
    if cfg['momentumSchedule'] == 'constant' or cfg['steps'] <= 0:
        return cfg['momentum']
    progress = min(1, step / cfg['steps'])
    return 1 - (1 - cfg['momentum']) * (math.cos(math.pi * progress) + 1) / 2


@torch.no_grad()
def ema_update(target, online, tau):
    """theta_target <- tau * theta_target + (1 - tau) * theta_online, for every trained parameter."""
    for t, o in zip(target.parameters(), online.parameters()):
        t.mul_(tau).add_(o, alpha=1 - tau)


# ---------------------------------------------------------------------------------------------- losses
def l2_normalize(x):
    """Rows scaled to unit length; the floor keeps the gradient finite for an all-zero row."""
    return x * torch.rsqrt((x * x).sum(1, keepdim=True).clamp(min=1e-12))


def row_cosine(a, b):
    """Row-wise cosine similarity of two batches."""
    return (l2_normalize(a) * l2_normalize(b)).sum(1)


${f.helpers}


def method_loss(out, targets, cfg):
    """One step's loss. out: see OnlineModel.forward, and out.labels the batch's classes; targets: the EMA target's
    projections of the views, or None."""${f.loss}


# --------------------------------------------------------------------------------------------- metrics
# Measured on the l2-normalised embeddings of the held-out images, BatchNorm in evaluation mode.
def collapse_std(z):
    """Collapse std (SimSiam paper, section 4.1): the per-dimension std of the normalised output, averaged over
    dimensions: about 1/sqrt(d) when the points spread over the sphere, 0 when every input maps to one point."""
    return float(z.std(0).mean()) if len(z) > 1 else 0.0


def alignment(a, b, alpha=2):
    """Wang & Isola's alignment: E ||f(x) - f(y)||^alpha over positive pairs (the two views), in [0, 2^alpha]."""
    return float((a - b).norm(dim=1).pow(alpha).mean())


def uniformity(z, t=2):
    """Wang & Isola's uniformity: log E exp(-t ||f(x) - f(y)||^2) over the distinct pairs of the first
    UNIFORMITY_POINTS points; 0 when all coincide, about -2.08 for points spread uniformly over the 2-sphere."""
    distances = torch.pdist(z[:UNIFORMITY_POINTS].double()).pow(2)
    return float(torch.logsumexp(-t * distances, 0) - math.log(len(distances)))


def effective_rank(z):
    """RankMe (Garrido et al. 2023): exp of the entropy of the normalised singular values of Z (not centred),
    from about 1 (every row on one line) to min(N, d) (a flat spectrum)."""
    sigma = torch.linalg.svdvals(z.double())
    total = sigma.sum()
    if total == 0:
        return 0.0
    p = sigma / total + RANKME_EPSILON
    return float(torch.exp(-(p * p.log()).sum()))


def top_share(z):
    """The largest singular value's share of the centred, l2-normalised Z's spectrum (Jing et al. 2022): 1/d when
    the points spread over every direction, towards 1 when they line up (dimensional collapse)."""
    sigma = torch.linalg.svdvals((z - z.mean(0)).double())
    total = sigma.sum()
    return float(sigma[0] / total) if total > 0 else 0.0


def knn_accuracy(queries, query_labels, bank, bank_labels, class_count, k=KNN_K):
    """k-nearest-neighbour accuracy: each query takes the majority class of its k most cosine-similar bank rows;
    a tie goes to the class whose neighbours are more similar, then to the lower class index."""
    similarity = l2_normalize(queries) @ l2_normalize(bank).T
    top, index = similarity.topk(min(k, len(bank)), dim=1)
    votes = F.one_hot(bank_labels[index], class_count).to(top.dtype)
    counts, summed = votes.sum(1), (votes * top[..., None]).sum(1)
    # A class's summed similarity is within +-k, so one more vote always outweighs it.
    predicted = (counts * (2 * k + 1) + summed).argmax(1)
    return float((predicted == query_labels).float().mean())


def linear_probe_accuracy(queries, query_labels, bank, bank_labels, class_count):
    """Linear-probe accuracy, the lab's fixed recipe: standardise the features with the bank's mean and std,
    train a softmax classifier (cross-entropy, L2 weight decay on the weights) from zero weights by full-batch Adam
    with a fixed learning rate and number of steps, and score the share of queries whose largest logit is their
    class. No randomness: the same features give the same accuracy."""
    p = LINEAR_PROBE
    mean, scale = bank.mean(0), bank.std(0, unbiased=False) + p['stdFloor']
    x, q = (bank - mean) / scale, (queries - mean) / scale
    y = F.one_hot(bank_labels.long(), class_count).to(x.dtype)
    w, b = x.new_zeros(x.shape[1], class_count), x.new_zeros(class_count)
    moments = {'w': (torch.zeros_like(w), torch.zeros_like(w)), 'b': (torch.zeros_like(b), torch.zeros_like(b))}

    def adam(param, grad, name, t):
        m, v = moments[name]
        m.mul_(p['beta1']).add_(grad, alpha=1 - p['beta1'])
        v.mul_(p['beta2']).addcmul_(grad, grad, value=1 - p['beta2'])
        update = (m / (1 - p['beta1'] ** t)) / ((v / (1 - p['beta2'] ** t)).sqrt() + p['epsilon'])
        return param - p['learningRate'] * update

    for t in range(1, int(p['steps']) + 1):
        g = (torch.softmax(x @ w + b, 1) - y) / len(x)
        w, b = adam(w, x.T @ g + p['weightDecay'] * w, 'w', t), adam(b, g.sum(0), 'b', t)
    return float(((q @ w + b).argmax(1) == query_labels).float().mean())


# ----------------------------------------------------------------------------------------- the verdict
# The lab's collapse detector, with its thresholds under the lab's names; it reads one evaluation at a time.
# - collapsed: collapse std x sqrt(d) under collapsedStd and falling, or uniformity above collapsedUniformity
#   (all pairs nearly coincide), or the loss at its trivial bound in two evaluations in a row;
# - partial: std x sqrt(d) under partialStd, or uniformity under partialUniformityShare of the best value for d,
#   or an effective rank under max(rankFloorMin, rankFloorPerSqrtDim * sqrt(d));
# - leaving a state needs a clear margin (the recovered* and healthy* thresholds), and step 0 never counts.
${f.verdictConstants}


def uniformity_bound(dim, t=2, intervals=4096):
    """The uniformity of points spread perfectly over the sphere in dim dimensions (-2.08 for d = 3): for two
    uniform points the angle between them has density proportional to sin^(dim-2), integrated by Simpson's rule."""
    h = math.pi / intervals
    num = den = 0.0
    for i in range(intervals + 1):
        theta = i * h
        weight = (1 if i in (0, intervals) else 4 if i % 2 else 2) * math.sin(theta) ** (dim - 2)
        num += weight * math.exp(-2 * t * (1 - math.cos(theta)))
        den += weight
    return math.log(num / den)


def positive_pair_cosine(loss, cfg):
    """The mean cosine between positive pairs that the training loss implies, or None when collapse does not
    minimise the objective."""${f.positivePairCosine}


def loss_at_trivial_bound(loss, cfg):
    if loss is None or not math.isfinite(loss):
        return False
    cosine = positive_pair_cosine(loss, cfg)
    return cosine is not None and cosine > AT_BOUND_COSINE


class CollapseVerdict:
    def __init__(self, dim):
        self.dim = dim
        self.best_uniformity = uniformity_bound(dim)
        t = COLLAPSE_THRESHOLDS
        self.rank_floor = t['rankFloorMin'] if dim < t['rankFloorFromDim'] else t['rankFloorPerSqrtDim'] * math.sqrt(dim)
        self.top_share_limit = t['topShareOverFlat'] + 1 / dim
        self.state, self.since = 'healthy', None
        self.previous_std, self.previous_at_bound = math.nan, False

    def observe(self, step, std_scaled, uniformity_value, rank, top, at_bound):
        t = COLLAPSE_THRESHOLDS
        if step > 0:
            if ((std_scaled < t['collapsedStd'] and std_scaled < self.previous_std)
                    or uniformity_value > t['collapsedUniformity'] or (at_bound and self.previous_at_bound)):
                state = 'collapsed'
            elif self.state == 'collapsed' and (
                    std_scaled < t['recoveredStd'] or uniformity_value > t['recoveredUniformity'] or at_bound):
                state = 'collapsed'
            else:
                was_partial, staying_lined_up = self.state == 'partial', self.state == 'dimensional'
                lined_up = (rank < self.rank_floor * (t['healthyRankMargin'] if staying_lined_up else 1)
                            or top > self.top_share_limit - (t['healthyTopShareMargin'] if staying_lined_up else 0))
                if std_scaled < t['healthyStd' if was_partial else 'partialStd']:
                    state = 'partial'
                elif lined_up:
                    state = 'dimensional'
                elif uniformity_value / self.best_uniformity < t['healthyUniformityShare' if was_partial else 'partialUniformityShare']:
                    state = 'partial'
                else:
                    state = 'healthy'
            if state != self.state:
                self.state, self.since = state, None if state == 'healthy' else step
        self.previous_std, self.previous_at_bound = std_scaled, at_bound

    def __str__(self):
        if self.state == 'collapsed':
            return f'collapsed at step {self.since}'
        if self.state == 'partial':
            return f'partial collapse from step {self.since}'
        if self.state == 'dimensional':
            return f'dimensional collapse from step {self.since}'
        return 'healthy'


# -------------------------------------------------------------------------------- several GPUs (torchrun)
class Distributed:
    """One process, or one of WORLD_SIZE processes started by torchrun: each trains on its own share of every
    step's images and DistributedDataParallel averages the gradients; only the first process evaluates and logs."""

    def __init__(self, device):
        self.world = int(os.environ.get('WORLD_SIZE', '1'))
        self.rank = int(os.environ.get('RANK', '0'))
        self.is_main = self.rank == 0
        self.device = device
        if self.world > 1:
            import torch.distributed as dist

            if device.type == 'cuda':
                self.device = torch.device('cuda', int(os.environ.get('LOCAL_RANK', '0')))
                torch.cuda.set_device(self.device)
            dist.init_process_group('nccl' if device.type == 'cuda' else 'gloo')

    def wrap(self, model):
        if self.world == 1:
            return model
        ids = [self.device.index] if self.device.type == 'cuda' else None
        return nn.parallel.DistributedDataParallel(model, device_ids=ids)

    def mean(self, value):
        """The mean of a scalar tensor over the processes."""
        if self.world > 1:
            torch.distributed.all_reduce(value)
            value = value / self.world
        return value

    def barrier(self):
        if self.world > 1:
            torch.distributed.barrier()

    def close(self):
        if self.world > 1:
            # Every process waits for the last one (the first evaluates while the others are done): a process that
            # tears the group down alone can hang gloo's shutdown.
            torch.distributed.barrier()
            torch.distributed.destroy_process_group()


# ------------------------------------------------------------------------------------------------ training
def random_stream(cfg, name, device, rank=0):
    """A generator of its own for each use (batches, augmentations, ...), seeded from the experiment's seed."""
    return torch.Generator(device=device).manual_seed(zlib.crc32(f"{cfg['seed']}/{name}/{rank}".encode()))


class BatchSampler:
    """Batch indices drawn epoch by epoch from a seeded permutation (each image once per epoch); with several
    processes each step draws world x batch indices and each process takes its own slice (like DistributedSampler)."""

    def __init__(self, count, generator):
        self.count, self.generator = count, generator
        self.order, self.position = None, count

    def next(self, batch):
        taken = []
        while batch > 0:
            if self.position == self.count:
                self.order, self.position = torch.randperm(self.count, generator=self.generator), 0
            part = self.order[self.position:self.position + batch]
            taken.append(part)
            self.position += len(part)
            batch -= len(part)
        return torch.cat(taken)


class Experiment:
    def __init__(self, cfg, args, distributed):
        self.cfg, self.distributed = cfg, distributed
        device = distributed.device
        if args.dataset:
            train, evaluation, self.source = load_torchvision_data(args.dataset, args.download_dir, distributed)
        else:
            train, evaluation, self.source = load_lab_data(args.data, args.data_dir)
        if cfg['greyImages'] and train[0].shape[1] == 3:
            # "Train in grey": colour images as their luma, one channel, as the lab does.
            train, evaluation = [(luma(images.float()).round().to(torch.uint8), *rest) for images, *rest in (train, evaluation)]
        self.train_images, self.train_labels = train[0].to(device), train[1].to(device)
        self.class_count = len(train[2])
        self.channels, self.size = self.train_images.shape[1], self.train_images.shape[-1]
        self.mean, self.std = (s.to(device) for s in pixel_stats(self.train_images))

        torch.manual_seed(cfg['seed'])
        self.online = OnlineModel(cfg, args.encoder, self.channels, self.size, self.class_count).to(device)
        self.target = None
        if HAS_EMA_TARGET and cfg['momentum'] > 0:
            # An exact copy at the start, never trained: it follows the online network by EMA.
            self.target = copy.deepcopy(self.online.net).requires_grad_(False)
        self.model = distributed.wrap(self.online)
        params = self.online.parameters()
        # beta and epsilon as PyTorch's defaults, which the lab uses too.
        self.optimizer = (torch.optim.Adam(params, lr=cfg['lr'], betas=(0.9, 0.999), eps=1e-8) if cfg['optimizer'] == 'adam'
                          else torch.optim.SGD(params, lr=cfg['lr'], momentum=0.9))
        self.sampler = BatchSampler(len(self.train_images), random_stream(cfg, 'batches', 'cpu'))
        self.augment_stream = random_stream(cfg, 'augment', device, distributed.rank)

        eval_images = evaluation[0][:EVAL_IMAGES].to(device).float() / 255
        self.eval_labels = evaluation[1][:EVAL_IMAGES].to(device)
        views = random_stream(cfg, 'evaluation-views', device)
        # The held-out images, and two fixed augmented views of them for the alignment.
        self.eval_inputs = [self.normalise(eval_images)] + [self.normalise(augment(eval_images, cfg, views)) for _ in range(2)]
        self.calibrate_batch_norm()

    def normalise(self, images):
        return (images - self.mean) / self.std

    def views(self, indices, generator):
        images = self.train_images[indices.to(self.train_images.device)].float() / 255
        return self.normalise(augment(images, self.cfg, generator)), self.normalise(augment(images, self.cfg, generator))

    @torch.no_grad()
    def calibrate_batch_norm(self):
        """Sets BatchNorm's running statistics to the average batch statistics of a few augmented training
        batches (forward only, its own random streams: the training run is unchanged)."""
        norms = [m for m in self.online.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
        for norm in norms:
            norm.reset_running_stats()
            norm.momentum = None  # a cumulative average
        sampler = BatchSampler(len(self.train_images), random_stream(self.cfg, 'calibration-batches', 'cpu'))
        generator = random_stream(self.cfg, 'calibration', self.distributed.device)
        for _ in range(CALIBRATION_BATCHES):
            self.online(*self.views(sampler.next(self.cfg['batch']), generator))
        for norm in norms:
            norm.momentum = 0.1

    def step(self, step):
        """One optimisation step; returns its loss (averaged over the processes)."""
        cfg, world, rank = self.cfg, self.distributed.world, self.distributed.rank
        indices = self.sampler.next(cfg['batch'] * world)[rank * cfg['batch']:(rank + 1) * cfg['batch']]
        view1, view2 = self.views(indices, self.augment_stream)
        out = self.model(view1, view2)
        out.labels = self.train_labels[indices.to(self.train_labels.device)]
        targets = None
        if self.target is not None:
            with torch.no_grad():  # BatchNorm with batch statistics, as in training
                targets = self.target(view1), self.target(view2)
        loss = method_loss(out, targets, cfg)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        if self.target is not None:
            ema_update(self.target, self.online.net, momentum_at(cfg, step))
        if self.online.prototypes is not None:
            self.online.renormalise_prototypes()
        return float(self.distributed.mean(loss.detach()))

    @torch.no_grad()
    def evaluate(self):
        """The metrics of the held-out images, BatchNorm in evaluation mode."""
        net = self.online.net
        net.eval()
        try:
            def embed(images):
                features = torch.cat([net.encoder(images[i:i + 1000]) for i in range(0, len(images), 1000)])
                return features, l2_normalize(net.projector(features))

            h, z = embed(self.eval_inputs[0])
            view1, view2 = embed(self.eval_inputs[1])[1], embed(self.eval_inputs[2])[1]
            bank_images = self.train_images[:KNN_BANK_IMAGES]
            bank = [embed(self.normalise(bank_images[i:i + 1000].float() / 255)) for i in range(0, len(bank_images), 1000)]
            bank_h, bank_z = torch.cat([b[0] for b in bank]), torch.cat([b[1] for b in bank])
            bank_labels = self.train_labels[:KNN_BANK_IMAGES]
            std = collapse_std(z)
            return {
                'collapse_std': std,
                'std_scaled': std * math.sqrt(z.shape[1]),
                'alignment': alignment(view1, view2),
                'uniformity': uniformity(z),
                'effective_rank': effective_rank(z),
                'top_share': top_share(z),
                'knn_z': knn_accuracy(z, self.eval_labels, bank_z, bank_labels, self.class_count),
                'knn_h': knn_accuracy(h, self.eval_labels, bank_h, bank_labels, self.class_count),
                'linear_z': linear_probe_accuracy(z, self.eval_labels, bank_z, bank_labels, self.class_count),
                'linear_h': linear_probe_accuracy(h, self.eval_labels, bank_h, bank_labels, self.class_count),
            }
        finally:
            net.train()


def csv_cell(value):
    if value is None:
        return ''
    return str(value) if isinstance(value, int) else f'{value:.6g}'


def device_of(name):
    if name == 'auto':
        return torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    if name.startswith('cuda') and not torch.cuda.is_available():
        raise ScriptError(f'--device {name}: this PyTorch sees no CUDA GPU (try --device cpu).')
    try:
        return torch.device(name)
    except RuntimeError:
        raise ScriptError(f'--device {name}: not a device PyTorch knows (cpu, cuda, cuda:1, mps, ...).')


def config_from(args):
    """CONFIG with the command line's overrides, checked against the keys and kinds it was exported with."""
    cfg = dict(CONFIG)
    for item in args.set:
        key, _, text = item.partition('=')
        if key not in CONFIG:
            raise ScriptError(f'--set {item}: no setting "{key}" (the settings are the keys of CONFIG).')
        cfg[key] = parse_setting(key, text)
    for key, value in [('steps', args.steps), ('seed', args.seed), ('evalEvery', args.log_every)]:
        if value is not None:
            cfg[key] = value
    if cfg['method'] != METHOD:
        raise ScriptError(f"CONFIG['method'] is {cfg['method']!r}, but this script implements {METHOD!r}: export the other method from the lab.")
    if not TRAINS:
        if cfg['steps'] > 0:
            print(f"{METHOD} trains nothing: --steps and CONFIG['steps'] are ignored; step 0's evaluation is the result.", file=sys.stderr)
        cfg['steps'] = 0
    elif cfg['steps'] <= 0:
        cfg['steps'] = DEFAULT_STEPS
    if cfg['evalEvery'] < 1 or cfg['batch'] < 2:
        raise ScriptError('The log interval must be at least 1 and the batch at least 2.')
    return cfg


def parse_setting(key, text):
    kind = type(CONFIG[key])
    if kind is bool:
        if text.lower() not in ('true', 'false'):
            raise ScriptError(f'--set {key}={text}: expected true or false.')
        return text.lower() == 'true'
    try:
        return kind(text) if kind is not int else int(text)
    except ValueError:
        raise ScriptError(f'--set {key}={text}: expected {"a whole number" if kind is int else "a number"}.')


def parse_args(argv):
    parser = argparse.ArgumentParser(description=f'Trains the {METHOD} experiment of CONFIG and prints its metrics as CSV, then the verdict.')
    parser.add_argument('--steps', type=int, help=f"training steps (default CONFIG['steps'], or {DEFAULT_STEPS} when it is 0)")
    parser.add_argument('--seed', type=int, help="seed for initialisation, batches and augmentations (default CONFIG['seed'])")
    parser.add_argument('--log-every', type=int, help="evaluate and log every this many steps (default CONFIG['evalEvery'])")
    parser.add_argument('--data', choices=LAB_DATASETS, default=CONFIG['dataset'], help="the lab's shipped images to train on (default CONFIG['dataset'])")
    parser.add_argument('--data-dir', help="folder holding the lab's <data>/train.hsd and eval.hsd (default: public/data under the current folder)")
    parser.add_argument('--csv', metavar='FILE', help='write the CSV rows to FILE instead of standard output')
    parser.add_argument('--set', action='append', default=[], metavar='KEY=VALUE', help='override one CONFIG setting, e.g. --set batch=512 (repeatable)')
    scale = parser.add_argument_group('scale', 'where to go next: torchvision networks and datasets, a GPU')
    scale.add_argument('--encoder', choices=ENCODERS, default='mlp', help="the encoder: the lab's MLP, or a torchvision ResNet (default mlp)")
    scale.add_argument('--dataset', choices=sorted(TORCHVISION_DATASETS), help="train on a torchvision dataset instead of the lab's files (downloads it; full train and test splits)")
    scale.add_argument('--download-dir', default='torchvision-data', help='where --dataset is downloaded (default ./torchvision-data)')
    scale.add_argument('--device', default='auto', help='cpu, cuda, cuda:1, mps, ... (default: cuda when there is one, else cpu)')
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    cfg = config_from(args)
    distributed = Distributed(device_of(args.device))
    csv_file = None
    try:
        experiment = Experiment(cfg, args, distributed)
        main_process = distributed.is_main
        if main_process:
            processes = f', {distributed.world} processes' if distributed.world > 1 else ''
            print(f"{METHOD} on {experiment.source}: {len(experiment.train_images)} training images, {len(experiment.eval_labels)} "
                  f"held out; {args.encoder} encoder, d = {cfg['dim']}, {cfg['steps']} steps on {distributed.device}{processes}",
                  file=sys.stderr)
            csv_file = open(args.csv, 'w') if args.csv else sys.stdout
            print(','.join(CSV_COLUMNS), file=csv_file, flush=True)
        verdict = CollapseVerdict(cfg['dim'])
        loss_sum, loss_count = 0.0, 0
        for step in range(cfg['steps'] + 1):
            if step > 0:
                loss = experiment.step(step)
                if not math.isfinite(loss):
                    raise ScriptError(f'The loss became {loss} at step {step}: training diverged. Lower the learning rate (--set lr=...).')
                loss_sum, loss_count = loss_sum + loss, loss_count + 1
            if main_process and (step % cfg['evalEvery'] == 0 or step == cfg['steps']):
                row = {'step': step, 'loss': loss_sum / loss_count if loss_count else None, **experiment.evaluate()}
                loss_sum, loss_count = 0.0, 0
                verdict.observe(step, row['std_scaled'], row['uniformity'], row['effective_rank'], row['top_share'],
                               loss_at_trivial_bound(row['loss'], cfg))
                print(','.join(csv_cell(row[c]) for c in CSV_COLUMNS), file=csv_file, flush=True)
        if main_process:
            print(f'verdict: {verdict}', flush=True)
    finally:
        if csv_file not in (None, sys.stdout):
            csv_file.close()
        distributed.close()


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except ScriptError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    if int(os.environ.get('WORLD_SIZE', '1')) > 1:
        # PyTorch 1.13's gloo can hang the interpreter's shutdown after a finished run (seen once in ~15 CPU runs):
        # the work is done and written, so end the process at once.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
`;
