#!/usr/bin/env Rscript
# Runs GaussSuppression (Statistics Norway) on a table written by export.ts, with mfer's primary
# cells, and writes its pattern in the CELLS.csv format of `mfer protect`.
#
#   GAUSS_REF_DIR=/work/gauss-ref Rscript bench/gauss-reference/compare.R DIR [none] [numttHTT]
#
# DIR holds SPEC.json, CONTRIB.csv and mfer's CELLS.csv. For each singleton method given (default:
# none and numttHTT), writes DIR/GAUSS_CELLS_<method>.csv and DIR/GAUSS_<method>.json, and prints
# the time, the primaries and the secondaries beside mfer's.
#
# GAUSS_REF_DIR: a folder whose R/*.R files define GaussSuppression (SSBtools) and CandidatesNum,
# SingletonUniqueContributor (GaussSuppression package). Unset: the installed CRAN packages are used.
# GAUSS_PROGRESS_SECONDS: print GaussSuppression's progress (GaussIterationFunction) every so often.
#
# What is built, as GaussSuppressionFromData would for a magnitude table (SuppressDominantCells with
# contributorVar, extend0 = FALSE):
#   - inner cells: the leaf x leaf combinations with at least one contribution (empty combinations
#     are not rows of x: their published cells are known zeros, as in mfer);
#   - published cells: every cell of mfer's CELLS.csv (all levels of every hierarchy, both geographic
#     hierarchies at once); x[i, p] = 1 when inner cell i lies under cell p in every dimension;
#   - candidates: CandidatesNum (value, then the tie-break on aggregated values, zeros first);
#   - primary: mfer's `u` cells; singleton (numttHTT): SingletonUniqueContributor on the inner cells.

suppressPackageStartupMessages(library(Matrix))

refDir <- Sys.getenv("GAUSS_REF_DIR")
if (nzchar(refDir)) {
  for (f in list.files(file.path(refDir, "R"), "\\.R$", full.names = TRUE)) source(f)
} else {
  suppressPackageStartupMessages({
    library(SSBtools)
    library(GaussSuppression)
  })
}

args <- commandArgs(trailingOnly = TRUE)
if (!length(args)) stop("usage: compare.R DIR [singletonMethod ...]")
dir <- args[1]
methods <- if (length(args) > 1) args[-1] else c("none", "numttHTT")

spec <- jsonlite::fromJSON(file.path(dir, "SPEC.json"), simplifyVector = FALSE)
dimNames <- vapply(spec$dimensions, function(d) d$name, "")
contrib <- read.csv(file.path(dir, "CONTRIB.csv"), colClasses = "character")
contrib[[spec$value]] <- as.numeric(contrib[[spec$value]])
cells <- read.csv(file.path(dir, "CELLS.csv"), colClasses = "character")
cells$value <- as.numeric(cells$value)

# Leaf x code membership of one dimension (a leaf belongs to itself, its ancestors in every
# hierarchy, and the total).
membership <- function(dim) {
  parents <- unique(unlist(lapply(dim$hierarchies, unlist)))
  children <- unique(unlist(lapply(dim$hierarchies, names)))
  leaves <- sort(setdiff(children, parents))
  codes <- unique(c(dim$total, parents, children))
  rows <- integer(0)
  cols <- integer(0)
  for (k in seq_along(leaves)) {
    above <- leaves[k]
    for (h in dim$hierarchies) {
      code <- leaves[k]
      while (!is.null(h[[code]])) {
        code <- h[[code]]
        above <- c(above, code)
      }
    }
    above <- unique(c(above, dim$total))
    rows <- c(rows, rep(k, length(above)))
    cols <- c(cols, match(above, codes))
  }
  list(leaves = leaves, codes = codes, m = sparseMatrix(rows, cols, x = 1, dims = c(length(leaves), length(codes))))
}

startBuild <- proc.time()[["elapsed"]]
mem <- lapply(spec$dimensions, membership)

# Inner cells: one row per non-empty leaf combination.
key <- do.call(paste, c(contrib[dimNames], sep = "\r"))
innerKey <- unique(key)
innerOf <- match(key, innerKey)
inner <- contrib[match(innerKey, key), dimNames, drop = FALSE]
inner$value <- as.vector(tapply(contrib[[spec$value]], factor(innerOf, seq_along(innerKey)), sum))
inner$freq <- tabulate(innerOf, length(innerKey))
inner$nUnique <- as.vector(tapply(contrib[[spec$contributor]], factor(innerOf, seq_along(innerKey)), function(s) length(unique(s))))
inner$contributor <- contrib[[spec$contributor]][match(innerKey, key)]

# x: inner x published. First dimension through sparse products, the others filtered per entry.
leafIdx <- lapply(seq_along(dimNames), function(d) match(inner[[dimNames[d]]], mem[[d]]$leaves))
codeIdx <- lapply(seq_along(dimNames), function(d) match(cells[[dimNames[d]]], mem[[d]]$codes))
if (anyNA(unlist(leafIdx)) || anyNA(unlist(codeIdx))) stop("code absent from SPEC.json")
nInner <- nrow(inner)
nCells <- nrow(cells)
a1 <- sparseMatrix(seq_len(nInner), leafIdx[[1]], x = 1, dims = c(nInner, length(mem[[1]]$leaves)))
p1 <- sparseMatrix(codeIdx[[1]], seq_len(nCells), x = 1, dims = c(length(mem[[1]]$codes), nCells))
t1 <- summary(as(a1 %*% mem[[1]]$m %*% p1, "TsparseMatrix"))
keep <- rep(TRUE, nrow(t1))
for (d in seq_along(dimNames)[-1]) {
  md <- as.matrix(mem[[d]]$m)
  keep <- keep & md[cbind(leafIdx[[d]][t1$i], codeIdx[[d]][t1$j])] > 0
}
x <- sparseMatrix(t1$i[keep], t1$j[keep], x = 1, dims = c(nInner, nCells))

num <- as.vector(crossprod(x, inner$value))
freq <- as.vector(crossprod(x, inner$freq))
if (any(abs(num - cells$value) > 1e-6)) stop("x does not reproduce the values of CELLS.csv")
primary <- which(cells$status == "u")
candidates <- CandidatesNum(secondaryZeros = FALSE, freq = freq, num = data.frame(n = num), weight = NULL, x = x)
buildSeconds <- proc.time()[["elapsed"]] - startBuild

mferSecondary <- which(cells$status == "x")
mfer <- tryCatch(jsonlite::fromJSON(file.path(dir, "MFER.json")), error = function(e) NULL)
cat(sprintf("table %s: %d inner cells, %d published cells, %d primary (mfer's u); x built in %.1f s\n",
            dir, nInner, nCells, length(primary), buildSeconds))
if (!is.null(mfer)) {
  cat(sprintf("mfer: %d secondary, %.2f s (protect() with its LP audit, %d rounds)\n", length(mferSecondary), mfer$seconds, mfer$auditRounds))
}

for (method in methods) {
  singleton <- NULL
  if (method != "none") {
    singleton <- SingletonUniqueContributor(data = inner, freqVar = "freq", nUniqueVar = "nUnique", charVar = "contributor",
                                            x = x, primary = primary)
  }
  start <- proc.time()
  secondary <- GaussSuppression(x = x, candidates = candidates, primary = primary, singleton = singleton,
                                singletonMethod = method, printInc = FALSE,
                                iWait = as.numeric(Sys.getenv("GAUSS_PROGRESS_SECONDS", "Inf")))
  spent <- proc.time() - start
  seconds <- spent[["elapsed"]]
  cpuSeconds <- spent[["user.self"]] + spent[["sys.self"]]
  status <- rep("s", nCells)
  status[secondary] <- "x"
  status[primary] <- "u"
  out <- cells[c(dimNames, "value", "contributors")]
  out$status <- status
  write.csv(out, file.path(dir, sprintf("GAUSS_CELLS_%s.csv", method)), row.names = FALSE, quote = FALSE)
  both <- length(intersect(secondary, mferSecondary))
  summary <- list(method = method, seconds = round(seconds, 2), cpuSeconds = round(cpuSeconds, 2), primary = length(primary), secondary = length(secondary),
                  alsoMfer = both, gaussOnly = length(secondary) - both, mferOnly = length(mferSecondary) - both,
                  secondaryValue = sum(num[secondary]), mferSecondaryValue = sum(num[mferSecondary]))
  writeLines(jsonlite::toJSON(summary, auto_unbox = TRUE, pretty = TRUE), file.path(dir, sprintf("GAUSS_%s.json", method)))
  cat(sprintf("GaussSuppression singletonMethod=%s: %d secondary in %.2f s, CPU %.2f s (both: %d, Gauss only: %d, mfer only: %d; suppressed value %g vs mfer %g)\n",
              method, length(secondary), seconds, cpuSeconds, both, summary$gaussOnly, summary$mferOnly, summary$secondaryValue, summary$mferSecondaryValue))
}
