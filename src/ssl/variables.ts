import * as tf from '@tensorflow/tfjs';

let created = 0;

/**
 * A variable holding `initial`'s values under a name no other variable in this process has (tfjs variable names
 * are global). The initial tensor is freed: tf.variable keeps its own reference to the data.
 */
export function ownedVariable(initial: tf.Tensor, trainable: boolean, name: string): tf.Variable {
  created += 1;
  const variable = tf.variable(initial, trainable, `${name}_${created}`);
  initial.dispose();
  return variable;
}
