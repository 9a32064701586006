// Test fixtures shared by the deploy rules' tests.

/** Real-world: a job named deploy whose real steps are commented out (only checkout and set-up steps remain). */
export const COMMENTED_OUT_DEPLOY = `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
      # - name: Deploy to server
      #   uses: appleboy/ssh-action@v1
      #   with:
      #     host: \${{ secrets.HOST }}
      #     script: cd /srv/shop && ./deploy.sh
`;
