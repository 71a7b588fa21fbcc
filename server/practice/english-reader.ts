/**
 * The one English reader of the domain: wink-nlp with its bundled English model, sentence
 * boundaries and parts of speech only (negation is read from the words, which halves the cost
 * of a reply). The scorer reads every turn with it, so it is built when the scorer loads; the
 * written-summary review shares it rather than building a second instance (~0.3 s and memory).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export const english = winkNLP(model, ['sbd', 'pos']);
