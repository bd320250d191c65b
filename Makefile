# konform – the two commands a new machine needs: `make run` and `make test`.

GO        ?= go
BIN       := bin
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X github.com/konform/konform/internal/cli.Version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
MDLINT    := .tools/node_modules/.bin/markdownlint-cli2

.PHONY: all build install run test unit lint fmt-check tools fuzz bench golden generate clean

all: build

## build: bin/konform, a static binary (CGO_ENABLED=0): one file, for any Linux
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/konform ./cmd/konform

## install: konform into $(go env GOBIN) or ~/go/bin
install:
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/konform

## run: build and start konform (ARGS="plan --answers examples/craft-whatsapp.yaml")
run: build
	./$(BIN)/konform $(ARGS) || [ $$? -eq 130 ]  # ctrl+c in the wizard is not a failure

## test: everything CI runs – formatting, vet, staticcheck and all tests,
## including markdownlint on the generated plans
test: tools fmt-check lint
	KONFORM_REQUIRE_MARKDOWNLINT=1 KONFORM_REQUIRE_TMUX=$${KONFORM_REQUIRE_TMUX:-$$(command -v tmux >/dev/null && echo 1)} \
	KONFORM_REQUIRE_CHROMIUM=$${KONFORM_REQUIRE_CHROMIUM:-$$(command -v chromium >/dev/null && command -v pdftotext >/dev/null && echo 1)} \
		$(GO) test -count=1 ./...

## unit: the Go tests only, quickly
unit:
	$(GO) test ./...

## lint: go vet and staticcheck
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## tools: markdownlint-cli2 for the plan tests, from the npm registry
tools: $(MDLINT)

$(MDLINT):
	mkdir -p .tools
	cd .tools && { [ -f package.json ] || echo '{"private": true}' > package.json; } && \
		npm install --no-audit --no-fund --silent markdownlint-cli2@0.22.1

## generate: compile questions/*.yaml into questions/catalog_gen.go and check the drafts' wording (questions/drafts)
generate:
	$(GO) generate ./questions
	$(GO) test ./internal/draft -run 'TestTemplatesAreCheckedAndNamed|TestTemplatesRenderEveryExample' -count=1

## golden: rewrite the golden files (plans, drafts, reports, screens, messages); review the diff
golden:
	$(GO) test ./internal/answers ./internal/report ./internal/draft ./internal/tui -update

## bench: measure against floors taken in the same run; writes BENCH.md
bench:
	$(GO) run ./tools/bench

## fuzz: run the fuzzers for a while each (FUZZTIME=60s)
fuzz:
	$(GO) test ./internal/answers -run '^$$' -fuzz FuzzParse -fuzztime $(or $(FUZZTIME),60s)
	$(GO) test ./internal/report -run '^$$' -fuzz FuzzEscape -fuzztime $(or $(FUZZTIME),60s)
	$(GO) test ./internal/report -run '^$$' -fuzz FuzzReadJSON -fuzztime $(or $(FUZZTIME),60s)

clean:
	rm -rf $(BIN) konform
	rm -rf .tools
