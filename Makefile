# konform – the two commands a new machine needs: `make run` and `make test`.

GO        ?= go
BIN       := bin
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X github.com/konform/konform/internal/cli.Version=$(VERSION)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
MDLINT    := .tools/node_modules/.bin/markdownlint-cli2

.PHONY: all build install run test unit lint fmt-check tools fuzz bench generate clean

all: build

## build: bin/konform, bin/konform-full and bin/konform-html (konform
## hands the wizard and every command but plan to konform-full and HTML
## plans to konform-html; all three must sit in the same folder). Static
## binaries (CGO_ENABLED=0): one file each, for any Linux. konform is built
## without the YAML library (-tags konform_noyaml; see internal/launch).
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -tags konform_noyaml -o $(BIN)/konform ./cmd/konform
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/konform-full ./cmd/konform-full
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/konform-html ./cmd/konform-html

## install: the three programs into $(go env GOBIN) or ~/go/bin
install:
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' -tags konform_noyaml ./cmd/konform
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/konform-full ./cmd/konform-html

## run: build and start konform (ARGS="plan --answers examples/craft-whatsapp.yaml")
run: build
	./$(BIN)/konform $(ARGS)

## test: everything CI runs – formatting, vet, staticcheck and all tests,
## including markdownlint on the generated plans
test: tools fmt-check lint
	KONFORM_REQUIRE_MARKDOWNLINT=1 KONFORM_REQUIRE_TMUX=$${KONFORM_REQUIRE_TMUX:-$$(command -v tmux >/dev/null && echo 1)} \
	KONFORM_REQUIRE_CHROMIUM=$${KONFORM_REQUIRE_CHROMIUM:-$$(command -v chromium >/dev/null && command -v pdftotext >/dev/null && echo 1)} \
		$(GO) test -count=1 ./...

## unit: the Go tests only, quickly
unit:
	$(GO) test ./...

## lint: go vet and staticcheck, also on konform as built without YAML
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags konform_noyaml -tests=false $(LEAN)

# The packages of konform itself (cmd/konform), checked as make build
# builds it: without the YAML library.
LEAN := ./cmd/konform ./internal/launch ./internal/handoff/... ./internal/answers \
	./internal/catalog ./internal/planrun ./internal/plan ./internal/assess ./internal/i18n ./questions

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## tools: markdownlint-cli2 for the plan tests, from the npm registry
tools: $(MDLINT)

$(MDLINT):
	mkdir -p .tools
	cd .tools && { [ -f package.json ] || echo '{"private": true}' > package.json; } && \
		npm install --no-audit --no-fund --silent markdownlint-cli2@0.22.1

## generate: compile questions/*.yaml into questions/catalog_gen.go (after editing the catalogue)
generate:
	$(GO) generate ./questions

## bench: measure against floors taken in the same run; writes BENCH.md
bench:
	$(GO) run ./tools/bench

## fuzz: run the fuzzers for a while each (FUZZTIME=60s)
fuzz:
	$(GO) test ./internal/answers -run '^$$' -fuzz FuzzParse -fuzztime $(or $(FUZZTIME),60s)
	$(GO) test ./internal/answers -run '^$$' -fuzz FuzzLite -fuzztime $(or $(FUZZTIME),60s)
	$(GO) test ./internal/plan -run '^$$' -fuzz FuzzEscape -fuzztime $(or $(FUZZTIME),60s)

clean:
	rm -rf $(BIN) konform
	rm -rf .tools
