/**
 * 简体中文 words of the data tables, keyed by the tables' own ids: each setting of the config's property table,
 * each method, each lesson (by id), the datasets' class names. The tables keep their English words; tables.ts
 * picks between the two. Settings and methods are typed by their keys (a missing one fails the type check);
 * lessons are checked by a unit test (tables.test.ts). Terms follow docs/glossary.md.
 */
import type { ConfigKey, MethodName } from '../../core/config';
import { importLimits, type SkipReason } from '../../data/images/imageFolder';
import type { ShortcutAction } from '../a11y/shortcuts';
import { formatCount } from '../../i18n/locale';

export interface SettingText {
  label: string;
  help: string;
}

export interface MethodText {
  title: string;
  summary: string;
  /** The method's reasons a switch has no effect, by switch (as its inactiveSwitches gives them). */
  inactive: Partial<Record<ConfigKey, string>>;
}

export interface LessonText {
  title: string;
  explanation: string;
  finding: string;
  watchFor: string[];
  /** The run buttons' words, in the lesson's order. */
  runs: string[];
}

export const settingsZh: Record<ConfigKey, SettingText> = {
  method: { label: '方法', help: '要训练的自监督方法。' },
  dataset: { label: '数据集', help: '图像数据集（28×28 灰度，或 32×32 彩色），或你自己的图像。' },
  seed: { label: '种子', help: '用于初始化、批次顺序和数据增强的随机种子。' },
  steps: { label: '步数', help: '要运行的训练步数（0 = 直到暂停）。' },
  batch: { label: '批大小', help: '每个训练批次的图像数（每张图像产生两个视图）。' },
  lr: { label: '学习率', help: '学习率。' },
  optimizer: { label: '优化器', help: '优化器（Adam，或动量为 0.9 的 SGD）。' },
  dim: { label: '输出维度', help: '嵌入的输出维度 d（3 = 2 维球面本身）。' },
  stopGrad: { label: '停止梯度', help: '阻断目标分支的梯度；没有它，SimSiam 会坍缩。' },
  predictor: { label: '预测器', help: '在在线分支上使用预测器 MLP；没有它，SimSiam 会坍缩。' },
  batchNorm: { label: 'BatchNorm', help: '隐藏层中的 BatchNorm；没有它，BYOL 和 SimSiam 会坍缩。' },
  momentum: { label: 'EMA 动量 τ', help: 'EMA 目标网络的更新率 τ（0 = 目标网络就是在线网络）。' },
  momentumSchedule: { label: '动量调度', help: '保持 τ 不变，或在整个运行中按余弦调度把它升到 1。' },
  negatives: { label: '负样本', help: '推开批次中的其他视图；没有负样本，SimCLR 会坍缩。' },
  temperature: { label: '温度', help: 'Softmax 温度：越低，相似度越尖锐。' },
  sinkhorn: { label: 'Sinkhorn', help: '把编码平均分配到各原型上（Sinkhorn-Knopp）；没有它，SwAV 会坍缩。' },
  prototypes: { label: '原型数 K', help: 'SwAV 原型的数量 K。' },
  epsilon: { label: 'Sinkhorn ε', help: 'Sinkhorn 熵 ε：越低，编码越硬。' },
  sinkhornIters: { label: 'Sinkhorn 迭代次数', help: 'Sinkhorn-Knopp 的迭代次数。' },
  lambda: { label: '均匀性权重 λ', help: '均匀性项的权重 λ。' },
  alignment: { label: '对齐项', help: '把同一图像的两个视图拉到一起（L_align）。' },
  uniformity: { label: '均匀性项', help: '让所有点铺满球面（L_uniform）；只有对齐项会坍缩。' },
  offDiagonal: { label: '非对角项', help: '把互相关矩阵的非对角元素推向 0（让各维度去相关）；没有它，各维度会变得冗余（维度坍缩）。' },
  barlowLambda: { label: '非对角项权重 λ', help: '非对角项的权重 λ（论文的 0.005 是为 8,192 维设定的，对少数几维来说太弱）。' },
  invariance: { label: '不变性项', help: '让一张图像的两个视图一致（两者嵌入之间的均方误差）。' },
  variance: { label: '方差项', help: '保持每个维度在批次上的分散程度（标准差至少为 1）；没有它，VICReg 会坍缩到一个点。' },
  covariance: { label: '协方差项', help: '把维度之间的协方差推向 0（让各维度去相关）；没有它，各维度会变得冗余（维度坍缩）。' },
  invarianceWeight: { label: '不变性权重', help: '不变性项的权重（论文取 25）。' },
  varianceWeight: { label: '方差权重', help: '方差项的权重（论文取 25）。' },
  covarianceWeight: { label: '协方差权重', help: '协方差项的权重（论文取 1）。' },
  evalEvery: { label: '评估间隔', help: '每隔这么多步嵌入一次评估集。' },
  showTrain: { label: '显示训练图像', help: '同时画出 8,000 张训练图像（共 10,000 个点）；指标仍只在 2,000 张留出图像上计算。' },
  cropMinArea: { label: '裁剪：最小面积', help: '随机缩放裁剪：保留的最小面积。' },
  flipProb: { label: '翻转概率', help: '水平翻转的概率。' },
  jitterProb: { label: '抖动概率', help: '颜色抖动的概率（亮度、对比度；彩色图像还有饱和度和色调）。' },
  contrast: { label: '对比度抖动', help: '对比度抖动强度（系数在 1 ± 该值之间）。' },
  brightness: { label: '亮度抖动', help: '亮度抖动强度（系数在 1 ± 该值之间）。' },
  greyImages: { label: '以灰度训练', help: '训练前把彩色图像（你自己的图像、形状与颜色）变成灰度。' },
  saturation: { label: '饱和度抖动', help: '彩色图像：饱和度抖动强度（系数在 1 ± 该值之间）。' },
  hue: { label: '色调抖动', help: '彩色图像：色调最多偏移色环的 ± 该比例。' },
  greyProb: { label: '灰度概率', help: '彩色图像：把一个视图变成灰度的概率。' },
  eraseProb: { label: '擦除概率', help: '随机擦除的概率（面积 2–20%）。' },
  noise: { label: '噪声 σ', help: '所加高斯噪声的标准差。' },
};

/** The words of the enum settings' values where the value itself is not a name (English shows the value). */
export const valuesZh: Partial<Record<ConfigKey, Record<string, string>>> = {
  optimizer: { adam: 'Adam', sgd: 'SGD' },
  momentumSchedule: { constant: '恒定', cosine: '余弦' },
};

export const methodsZh: Record<MethodName, MethodText> = {
  simclr: {
    title: 'SimCLR',
    summary: '对比学习：把一张图像的两个视图拉到一起，把批次中其他所有图像推开（NT-Xent）。',
    inactive: {},
  },
  byol: {
    title: 'BYOL',
    summary: '只用正样本：在线网络预测一个缓慢移动的（EMA）目标网络。',
    inactive: {
      stopGrad: '只在 EMA 动量 τ = 0 时起作用：τ > 0 时目标是独立的 EMA 网络，本来就没有梯度流向它。',
      momentumSchedule: '只在 EMA 动量 τ > 0 时起作用：τ = 0 时目标就是在线网络本身。',
    },
  },
  swav: {
    title: 'SwAV',
    summary: '聚类：每个视图预测另一个视图在 k 个原型上的编码；Sinkhorn 把编码均匀分配。',
    inactive: { sinkhornIters: '只在打开 Sinkhorn 时起作用：普通 softmax 编码不需要迭代。' },
  },
  simsiam: {
    title: 'SimSiam',
    summary: '去掉 EMA 目标的 BYOL：防止坍缩的只有预测器和停止梯度。',
    inactive: {},
  },
  'align-uniform': {
    title: '对齐 + 均匀性',
    summary: 'Wang 和 Isola 的两项直接优化：对齐正样本对，让所有点均匀铺满球面。',
    inactive: { lambda: '只在打开均匀性项时起作用：λ 是它的权重。' },
  },
  'barlow-twins': {
    title: 'Barlow Twins',
    summary: '冗余消减：把两个视图的互相关矩阵推向单位矩阵，使每个维度在两个视图之间一致、不同维度之间去相关。',
    inactive: { barlowLambda: '只在打开非对角项时起作用：λ 是它的权重。' },
  },
  vicreg: {
    title: 'VICReg',
    summary: '分三项的冗余消减：方差项让每个维度的标准差保持足够大，不变性项让两个视图一致，协方差项让各维度去相关。',
    inactive: {
      invarianceWeight: '只在打开不变性项时起作用：它是该项的权重。',
      varianceWeight: '只在打开方差项时起作用：它是该项的权重。',
      covarianceWeight: '只在打开协方差项时起作用：它是该项的权重。',
    },
  },
  supervised: {
    title: '有监督',
    summary: '基线：同一个网络，球面上的输出由一个线性分类器读取，用标签上的交叉熵训练（每张图像一个视图）。',
    inactive: {},
  },
  random: {
    title: '随机初始化',
    summary: '基线：什么都不训练。初始化的网络（BatchNorm 像每种方法一样先校准）只被评估并绘制一次。',
    inactive: {},
  },
};

/** Fashion-MNIST's and Shapes & colours' classes (MNIST's are digits, the same in both languages). */
export const classNamesZh: Record<string, string> = {
  'T-shirt/top': 'T恤/上衣',
  Trouser: '裤子',
  Pullover: '套头衫',
  Dress: '连衣裙',
  Coat: '外套',
  Sandal: '凉鞋',
  Shirt: '衬衫',
  Sneaker: '运动鞋',
  Bag: '包',
  'Ankle boot': '短靴',
  // Shapes & colours (public/data/shapes-colours).
  circle: '圆形',
  square: '正方形',
  triangle: '三角形',
  star: '星形',
  cross: '十字',
  ring: '圆环',
  crescent: '月牙',
  heart: '心形',
  T: 'T 形',
  'half-disc': '半圆',
};

/** Why a file of the user's images was skipped (imageFolder.ts's skipReasons), after its count ("3 个…"). */
export const skipReasonsZh: Record<SkipReason, string> = {
  'system-file': '系统文件，不是图片',
  'not-image': '不是 PNG、JPEG、WebP 或 GIF 图像',
  'outside-classes': '不在类别文件夹中（其他图像都在）',
  'over-count': `超出 ${formatCount(importLimits.maxImages)} 张图像的上限`,
  'over-bytes': `超出 ${importLimits.maxBytes / 1024 / 1024} MB 读取量的上限`,
  unreadable: '无法读取',
  damaged: '已损坏：无法解码为图像',
};

/** What each keyboard shortcut does (shortcuts.ts): the page's by action, the sphere's in the table's order. */
export const pageShortcutsZh: Record<ShortcutAction, string> = {
  startPause: '开始或暂停训练',
  step: '训练一步（暂停时）',
  reset: '重置运行',
  timelineBack: '时间轴：上一个快照',
  timelineForward: '时间轴：下一个快照（最后一个会实时跟随运行）',
  help: '显示这些快捷键',
};

export const sphereShortcutsZh: readonly string[] = ['旋转球面', '放大和缩小', '回到初始视图', '关闭点的卡片'];

/** Key caps that have a Chinese name (the others, letters, arrows and Esc, read the same). */
export const keyNamesZh: Record<string, string> = { Space: '空格' };

/** The charts of chartSpecs.ts by id: title, help, and the label of the reference line where there is one. */
export const chartsZh: Record<string, { title: string; help: string; reference?: string }> = {
  loss: { title: '损失', help: '训练损失，取自上一个快照以来的平均值。' },
  'collapse-std': { title: '坍缩标准差 × √d', help: '点铺满球面时为 1，聚在一处时为 0。', reference: '健康' },
  alignment: { title: '对齐', help: '同一图像的两个视图相距多远（越低：视图越一致）。' },
  uniformity: { title: '均匀性', help: '点覆盖球面的均匀程度（越低越好）；虚线：可能的最优值。', reference: '最优' },
  'effective-rank': { title: '有效秩', help: '点实际用到多少个方向（1 = 一条线或一个点）。' },
  knn: { title: 'kNN 准确率', help: '20 个最近训练图像的类别准确率，在 z（实线）和 h（虚线）上。' },
  'linear-probe': { title: '线性探针', help: '在训练图像冻结的 z（实线）和 h（虚线）上训练的线性分类器的类别准确率。' },
};

export const lessonsZh: Record<string, LessonText> = {
  'simsiam-stop-gradient': {
    title: 'SimSiam：停止梯度',
    explanation:
      'SimSiam 把每张图像的两个增强视图送入同一个网络，一侧学习预测另一侧的嵌入。这个损失可以被一个无用的技巧满足：' +
      '把每张图像都映射到同一个点，每次预测就都完美了。停止梯度挡住了这个技巧：被预测的一侧在这一步中被当作固定的目标，' +
      '因此更新只能把预测的一侧移向它，而不能把两侧一起拉到同一个点上。',
    finding: '论文中，去掉停止梯度会让 SimSiam 坍缩：每张图像得到相同的输出，特征毫无用处。',
    watchFor: [
      '有停止梯度时，点在球面上保持铺开，坍缩标准差 ×√d 保持在 0.9 以上。',
      '没有它时，点云在大约 100 步内缩成一个小点：坍缩标准差 ×√d 降到 0.2 以下，而损失冲向 −1，也就是它可能的最优值。一个无用答案得到了满分。',
    ],
    runs: ['运行：有停止梯度', '运行：没有停止梯度'],
  },
  predictor: {
    title: 'SimSiam 和 BYOL：预测器',
    explanation:
      'SimSiam 和 BYOL 只在一侧加了一个小的额外网络——预测器。它让两侧不同：一侧必须预测另一侧，而不是简单地与之相等。' +
      '没有预测器时，不论有没有停止梯度，SimSiam 的损失又可以通过给每张图像相同的嵌入而达到最小。BYOL 还保留了一些保护，' +
      '因为它的目标是网络的一个缓慢移动的副本，但它的分散程度同样会逐渐流失。',
    finding: '在 SimSiam 论文中，去掉预测器会让方法坍缩，就像去掉停止梯度一样。',
    watchFor: [
      '没有预测器的 SimSiam 在大约 50 步内坍缩，比没有停止梯度时还快。',
      '没有预测器的 BYOL 不会缩成一个点：坍缩标准差 ×√d 在 50 步内降到约 0.65，然后缓慢下降，点挤在球面的一部分上（均匀性约 −0.9，而有预测器时为 −1.4 到 −1.7）。这是一次缓慢的部分坍缩。',
      '有预测器时，两者都保持铺开。',
    ],
    runs: ['运行：SimSiam 有预测器', '运行：SimSiam 没有预测器', '运行：BYOL 没有预测器'],
  },
  'byol-momentum': {
    title: 'BYOL：滑动平均目标',
    explanation:
      'BYOL 的目标网络从不接受训练。每次更新后，它向在线网络移动一小步，即距离的 1 − τ：这是一个指数滑动平均（EMA）。' +
      'τ = 0.99 时，目标网络大约落后在线网络一百步。τ = 0 时，目标就是在线网络本身，只剩停止梯度在每次更新中让它保持固定；' +
      '这就是使用 BYOL 损失的 SimSiam。再把停止梯度也拿掉，就没有任何东西能防止坍缩了。',
    finding:
      'BYOL 论文发现，立即更新的目标（τ = 0）让训练不稳定，从不更新的目标（τ = 1）学到的特征很差，而 0.9 到 0.999 之间的更新率效果都很好。' +
      'SimSiam 后来表明，仅靠预测器和停止梯度就足够了，这就是为什么在这里 τ = 0 仍然能学习。',
    watchFor: [
      'τ = 0.99 时，点铺展开来；坍缩标准差 ×√d 保持在 0.9 以上。',
      'τ = 0（且打开停止梯度）时，运行同样铺展得很好：在这里防止坍缩的并不是滑动平均。',
      'τ = 0 且没有停止梯度时，点云在大约 100 步内收缩成一个点，损失降到 0，也就是它的平凡最小值。',
    ],
    runs: ['运行：τ = 0.99', '运行：τ = 0', '运行：τ = 0，没有停止梯度'],
  },
  'simclr-negatives': {
    title: 'SimCLR：负样本',
    explanation:
      'SimCLR 把一张图像的两个视图拉到一起，并把批次中其他每张图像的视图推开。这些其他图像就是负样本：批次有 256 张图像时，' +
      '每个视图要与 510 个其他视图保持距离。没有负样本时只剩下拉力，而把每一对都拉到一起最简单的办法，就是把所有图像放在同一个点上。',
    finding: '论文发现，更多的负样本——更大的批次、更长的训练——会带来更好的特征。',
    watchFor: ['有负样本时，点在大约 50 步内覆盖整个球面；坍缩标准差 ×√d 接近 1。', '没有负样本时，一切在几十步内落到一个点上。'],
    runs: ['运行：有负样本', '运行：没有负样本'],
  },
  'simclr-temperature': {
    title: 'SimCLR：温度',
    explanation:
      '在比较两个嵌入之前，SimCLR 把它们的相似度除以温度 τ。较低的 τ 会放大细小的差异，因此损失主要由离得最近的少数负样本（最难的那些）' +
      '决定，并努力让每张图像的两个视图保持紧密。较高的 τ 对所有负样本的权重更平均，让点平滑地铺开。',
    finding: '论文中，明显低于 1 的温度给出的特征明显好于 τ = 1。',
    watchFor: [
      'τ = 0.1 时点云更不均匀：点聚成一簇簇，簇间有空隙，而同一图像的两个视图落得更近（300 步后对齐约 0.17）。',
      'τ = 1 时点更均匀地覆盖球面（均匀性约 −1.8，而 τ = 0.1 时为 −1.6；越低越均匀），但同一图像的两个视图相距更远（对齐约 0.3）。',
    ],
    runs: ['运行：τ = 0.1', '运行：τ = 1'],
  },
  'colour-shortcut': {
    title: '颜色是一条捷径',
    explanation:
      'SimCLR 通过分辨哪两个视图来自同一张图像来学习，任何能分辨它们的捷径它都会走。在“形状与颜色”中，每张图像是十种形状之一，' +
      '随机颜色，背景是随机的色调：颜色与形状毫无关系，但一张图像的两个裁剪共享同一种颜色。只有裁剪时，网络可以凭颜色配对两个视图，' +
      '而根本不看形状。颜色抖动（亮度、对比度、饱和度、色相）和随机灰度让两个视图的颜色不同，于是颜色不再泄露配对关系，只能靠形状。' +
      '两次运行并排打开：同一方法、同一种子，颜色增强分别开和关。',
    finding: 'Chen 等人发现，除裁剪之外，颜色失真是最重要的增强：只有裁剪时，一张图像的两个裁剪共享颜色直方图，足以把它们配对，特征也差得多。',
    watchFor: [
      '没有颜色增强时，球面看起来很完美：一张图像的两个视图几乎完全一致（对齐约 0.05），点尽可能均匀地覆盖球面（均匀性约 −2.06；均匀的球面给出 −2.08）。但形状是混在一起的：z 上的 kNN 准确率约 0.11，正是十个类别的随机水平。',
      '打开颜色抖动和灰度后，两个视图不那么一致（对齐约 0.35），点也铺得不那么均匀（均匀性约 −1.83），但第 400 步时形状分得好得多：z 上的 kNN 约 0.29（对比 0.11），编码器特征 h 上约 0.59（对比 0.28），h 上的线性探针约 0.72（对比 0.50）。',
      '在球面工具栏中按图像的颜色而不是类别给点着色，比较两个球面上各种颜色分别落在哪里。',
      '两次运行在 h 上的 kNN 都不及未训练的网络（第 0 步约 0.77）：对这些像素的随机投影已经保留了大部分形状信息。捷径的代价在于训练丢掉了其中多少：没有颜色增强时丢掉了大部分。',
    ],
    runs: ['运行：有颜色抖动和灰度', '运行：没有颜色抖动和灰度'],
  },
  'swav-sinkhorn': {
    title: 'SwAV：用 Sinkhorn 平均分配',
    explanation:
      'SwAV 在球面上放置 K 个原型点，并给每个视图一个编码：它属于每个原型的程度。每个视图必须预测另一个视图的编码。' +
      '陷阱在于所有图像可能都选择同一个原型。Sinkhorn-Knopp 防止了这一点：在使用编码之前，经过几轮重新缩放，让每个原型分到批次中相等的份额。' +
      '没有它时，编码就是普通的 softmax，没有什么能阻止它们对所有图像都选同一个原型。',
    finding: '论文加入这个平均分配约束，正是为了排除每张图像都得到相同编码的平凡解。',
    watchFor: [
      '有 Sinkhorn 时，点在球面上铺开；坍缩标准差 ×√d 保持在 0.97 附近。',
      '没有 Sinkhorn 时，点在 25 步内挤成几团（坍缩标准差 ×√d 约 0.45），并在大约第 200 步落到一个点上。',
    ],
    runs: ['运行：有 Sinkhorn', '运行：没有 Sinkhorn'],
  },
  'what-uniformity-buys': {
    title: '均匀性带来什么：随机、有监督、对比',
    explanation:
      'Wang 和 Isola 的论文以一幅图开篇：同一个网络的输出在圆上（d = 2）的样子，分别是随机初始化之后、用标签有监督训练之后、' +
      '以及不用标签的对比训练之后。本课在 d = 2（球面就是一个圆）把这三者并排打开。每个运行下方的圆环按角度画出每个点，' +
      '并在周围画出所有点的密度；每个类别一条色带，显示该类别落在哪里。随机初始化什么也不训练：它就是网络起步时的样子。' +
      '有监督方法用标签在归一化的输出上学习一个线性分类器。SimCLR 从不看标签，只看每张图像的两个增强视图。按“开始”：' +
      '会学习的两个运行一起训练，“正样本对距离”和“线性探针”图表把三者叠在一起。',
    finding:
      '对比学习的特征既对齐（一张图像的两个视图落得很近）又均匀（在圆上均匀铺开）；有监督的特征对齐，但按类别聚集；' +
      '随机特征两者都不是。既对齐又均匀的特征让线性分类器很容易把各类别分开。',
    watchFor: [
      '圆环。随机初始化把点挤在圆的一部分（均匀性约 −0.7 到 −0.8；均匀的圆给出 −1.57）。SimCLR 几乎均匀地铺开（到第 800 步约 −1.53）；有监督方法覆盖得不那么均匀（约 −1.3），各类别的色带比 SimCLR 的更窄。',
      '正样本对距离：随机初始化时一张图像的两个视图相距很远（在这些种子上平均 0.6–0.7，其他种子上更大），SimCLR 让它们很近（第 800 步约 0.23），有监督方法稍远一些（约 0.32–0.38）。',
      'z 上的线性探针：随机初始化约 0.2，第 800 步时 SimCLR 约 0.49，有监督方法 0.54–0.58。SimCLR 一个标签也没用，却走完了从随机到有监督的大部分路程。在编码器特征 h 上三者都在 0.79–0.83：差别在于投影头的两个维度保留了什么。',
      '随机初始化无法开始训练：它的数字一直是第 0 步的，是另外两个运行的比较基线。',
    ],
    runs: ['运行：随机初始化', '运行：有监督', '运行：SimCLR'],
  },
  'alignment-uniformity': {
    title: '对齐与均匀性',
    explanation:
      'Wang 和 Isola 把对比学习所达成的目标拆成两个可测量的目标。对齐：一张图像的两个视图应该落得很近。均匀性：所有点应该均匀地铺满球面，' +
      '从而尽可能少地丢失信息。这个方法直接优化这两项，你可以分别关掉其中一项。' +
      '铺开这些点并不是避免坍缩的唯一办法：冗余消减（Barlow Twins、VICReg，即接下来的两课）让每个输出维度在批次上保持变化，并让不同的维度携带不同的信息。',
    finding: '他们证明，有大量负样本时，对比损失优化的正是这两个性质，而且直接优化它们的效果差不多一样好。',
    watchFor: [
      '两项都有时，点均匀地铺开（均匀性约 −2.0，接近完全均匀球面的 −2.08），而同一图像的两个视图越来越近（300 步后对齐约 0.3）。',
      '只有对齐项时，一切在几十步内坍缩到一个点：完美的对齐，没有任何信息。',
      '只有均匀性项时，点仍然覆盖球面，但同一图像的两个视图相距很远（对齐约 1.1），各类别也混得更厉害。',
      '每次运行对区分类别有多大帮助（“线性探针”和“kNN 准确率”指标）：第 300 步时，两项都有，z 上的线性探针约 0.57，kNN 约 0.63；只有均匀性项时约 0.49 和 0.51——更差，但远高于未训练网络的 0.24，所以仅仅铺开点也保留了一部分区分图像的信息；只有对齐项时约 0.22，与未训练网络持平或更低。',
    ],
    runs: ['运行：两项都有', '运行：只有对齐项', '运行：只有均匀性项'],
  },
  'barlow-twins-redundancy': {
    title: '冗余消减：Barlow Twins',
    explanation:
      'Barlow Twins 从不看球面。它在一个批次上把每个输出维度标准化（均值 0，分散程度 1），并测量一个视图的第 i 维与另一个视图的第 j 维' +
      '相关得有多强：一张小小的相关表，即互相关矩阵。损失要求这张表成为单位矩阵。它的对角线（不变性项）让每个维度在两个视图之间一致；' +
      '由于每个维度都经过标准化，把所有图像映射到一个点无法满足它。它的非对角部分（冗余消减项）让不同的维度携带不同的信息。' +
      '关掉这一项，各维度就可以互相复制：点仍沿着一个方向铺开，而嵌入悄悄地失去了整个维度。这就是维度坍缩，坍缩标准差看不出来；' +
      '有效秩（点实际用到多少个维度）看得出来。',
    finding: '论文的消融实验发现两部分都必不可少：只有不变性项时特征差得多，只有冗余消减项时什么有用的东西也学不到。',
    watchFor: [
      '有非对角项时，点覆盖整个球面：坍缩标准差 ×√d 约 0.99，并且从大约第 150 步起，有效秩约为 2.9（共 3）（均匀性约 −1.7）。',
      '没有它时，坍缩标准差仍然一样高（约 0.98），但有效秩一步步下降，到第 300 步降到约 1.8：点沿一条轴滑成两团相对的点（均匀性约 −0.7，正是两团相对的点给出的值）。只看标准差，这次运行显得很健康；“谱”图表却不这么看：一根柱增长到整体的约 0.8（平坦时每根 0.33），并且从大约第 200 步起，横幅会显示维度坍缩。',
    ],
    runs: ['运行：有非对角项', '运行：没有非对角项'],
  },
  'vicreg-terms': {
    title: 'VICReg：方差、不变性、协方差',
    explanation:
      'VICReg 把任务写成作用在网络输出上的三个独立的项，每一项防范一种不同的失败。不变性：一张图像的两个视图应给出相同的输出。' +
      '方差：在批次上，每个输出维度都应保持至少为 1 的分散程度（标准差）；只有分散程度太小时它才起推动作用。协方差：不同的维度应该互不相关，' +
      '与 Barlow Twins 一样。没有方差项时，没有什么能阻止不变性项通过给每张图像相同的输出来满足：完全坍缩。没有协方差项时，' +
      '各维度可能都携带同一个信号：点仍然铺开，但沿着更少的方向（维度坍缩）。没有不变性项时，没有什么把一张图像的两个视图联系在一起。',
    finding: '论文中，只有不变性项时会坍缩；加上方差项就防止了坍缩，再加上协方差项，特征明显更好。',
    watchFor: [
      '三项都有时，点铺展开来（坍缩标准差 ×√d 约 0.99），在 d = 3 时比 Barlow Twins 稍不均匀：有效秩约 2.4（共 3），均匀性约 −1.4，“谱”中最大的柱约占整体的 0.55。使用论文的权重时，d = 3 的 VICReg 倾向于一个平面；把协方差权重设为 5，谱会展开到约 0.43 / 0.33 / 0.25，与 Barlow Twins 一样平坦。',
      '没有方差项时，输出向一个点收缩，而损失降到接近 0：50 步内坍缩标准差 ×√d 降到约 0.5（均匀性 −0.7），然后缓慢下沉，到第 800 步约为 0.15。速度取决于种子：种子为 1 时，到第 200 步就低于 0.15。',
      '没有协方差项时，坍缩标准差保持很高（约 0.98），但有效秩到第 300 步降到约 1.7，点聚成两团相对的点（均匀性约 −0.7）：维度坍缩，与没有非对角项的 Barlow Twins 一样。“谱”中一根柱约占整体的 0.85，并且从大约第 100 步起，横幅会显示维度坍缩。',
      '没有不变性项时，点保持铺开并用到全部三个维度（有效秩约 2.85，是这几次运行中最高的），但一张图像的两个视图相距很远（对齐约 1.15，而有它时为 0.24），点对图像内容的反映也更少：第 400 步时 z 上的 kNN 准确率约 0.50，而三项都有时为 0.58。',
    ],
    runs: ['运行：三项都有', '运行：没有方差项', '运行：没有协方差项', '运行：没有不变性项'],
  },
};
