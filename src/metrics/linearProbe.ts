/**
 * The linear probe's fixed recipe, one record for the engine (train/linearProbe.ts, in tfjs on any backend) and the
 * PyTorch export (its `linear_probe_accuracy` takes these numbers and does the same, step for step):
 * - standardise every feature with the bank's own mean and (population) std, + 1e-6 so a dead feature stays 0:
 *   one learning rate then suits z on the sphere (tiny coordinates) and raw ReLU features h alike;
 * - multinomial logistic regression (softmax, cross-entropy averaged over the bank) with weights and biases
 *   initialised to zero, so there is no randomness at all: the same features give the same accuracy;
 * - L2 weight decay 1e-4 on the weights (not the biases): too weak to change the answer on thousands of rows, but
 *   it keeps the weights finite when the classes are separable;
 * - full-batch Adam (β 0.9 / 0.999, ε 1e-8, bias-corrected) at learning rate 0.05 for 100 steps: standardised
 *   features and Adam's per-weight step size converge on every scale of features in a few dozen steps, and a fixed
 *   number of steps fixes the cost (two [N × D] × [D × 10] products a step);
 * - the accuracy is the share of held-out queries whose largest logit is their class.
 */
export const linearProbeRecipe = { steps: 100, learningRate: 0.05, weightDecay: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, stdFloor: 1e-6 } as const;
