/** The learned layer's one door: the label model over the rules' findings, and its features. */
export {
  adviceSentenceFeatures,
  hasLabelModel,
  labelFeatureNames,
  loadLabelModel,
  readLabels,
  strongestSentences,
  calibrate,
  replyLogits,
  withAdviceSentences,
  type LabelModelFile,
  type LoadedModel,
} from './label-model.js';
export { isWordFeature } from './label-features.js';
export { addSecondOpinions } from './reply-classifier.js';
