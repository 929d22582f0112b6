/*
 * Word clusters (train-ner --clusters, for lib/data/ner-clusters.tsv): the
 * lower-case words of raw text grouped by the words around them, each with
 * a bit string whose prefixes are coarser groups.
 */
#ifndef WORDCLUSTERS_H
#define WORDCLUSTERS_H

/*
 * Cluster the words of the files argv[0..argc) (none: stdin; a sentence a
 * line) into bit strings depth long (1 to 16), written as WORD<TAB>BITS
 * lines with out.h, most frequent words first; 1 if an input could not be read.
 */
int word_clusters(int argc, char **argv, int depth);

#endif
